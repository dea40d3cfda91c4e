namespace MarginBridge.Abstractions.Transfers;

/// <summary>A transfer's id is its message leaf: 0x and 64 hex digits.</summary>
public static class TransferId
{
    public static bool IsValid(string id) => id.Length == 66 && id.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && id[2..].All(char.IsAsciiHexDigit);
}
