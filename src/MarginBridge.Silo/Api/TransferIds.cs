namespace MarginBridge.Silo.Api;

/// <summary>A transfer id is its message leaf: 0x and 64 hex digits.</summary>
internal static class TransferIds
{
    public static bool IsValid(string id) => id.Length == 66 && id.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && id[2..].All(char.IsAsciiHexDigit);
}
