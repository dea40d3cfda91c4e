namespace MarginBridge.Abstractions.Accounts;

/// <summary>The one spelling of an EVM address the system uses as a key: lower-case, 0x-prefixed.</summary>
public static class EvmAddress
{
    public static bool TryNormalize(string? text, out string address)
    {
        address = string.Empty;
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        address = "0x" + text[2..].ToLowerInvariant();
        return true;
    }

    public static string Normalize(string text) =>
        TryNormalize(text, out var address) ? address : throw new FormatException($"'{text}' is not a 20-byte 0x address.");
}
