using System.Globalization;
using System.Numerics;

namespace MarginBridge.Cli.Views;

/// <summary>Base units as a human amount ("1234.5"), exactly: no floating point on the way.</summary>
public static class TokenAmount
{
    public static string Format(string baseUnits, int? decimals)
    {
        var value = BigInteger.Parse(baseUnits, CultureInfo.InvariantCulture);
        if (decimals is not > 0)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }

        var scale = BigInteger.Pow(10, decimals.Value);
        var whole = BigInteger.DivRem(BigInteger.Abs(value), scale, out var fraction);
        var sign = value.Sign < 0 ? "-" : string.Empty;
        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals.Value, '0').TrimEnd('0');
        return fractionText.Length == 0
            ? $"{sign}{whole.ToString("N0", CultureInfo.InvariantCulture)}"
            : $"{sign}{whole.ToString("N0", CultureInfo.InvariantCulture)}.{fractionText}";
    }

    /// <summary>A human amount ("1500", "0.25") in base units; refuses more fraction digits than the token has.</summary>
    public static BigInteger Parse(string text, int decimals)
    {
        var parts = text.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            throw new FormatException($"'{text}' is not a non-negative decimal amount");
        }

        var fraction = parts.Length == 2 ? parts[1] : string.Empty;
        if (fraction.Length > decimals)
        {
            throw new FormatException($"'{text}' has more than {decimals} decimal places");
        }

        return BigInteger.Parse(parts[0] + fraction.PadRight(decimals, '0'), CultureInfo.InvariantCulture);
    }
}
