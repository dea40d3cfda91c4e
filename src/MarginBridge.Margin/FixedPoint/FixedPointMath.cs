using System.Numerics;

namespace MarginBridge.Margin.FixedPoint;

/// <summary>Exact integer arithmetic with the rounding stated at each call: floor or ceiling, never "nearest".</summary>
public static class FixedPointMath
{
    private static readonly Int128 MaxDoubleUnits = Int128.One << 100;

    /// <summary>⌊a·b / (d1·d2·d3)⌋ or ⌈a·b / (d1·d2·d3)⌉, exact for every input (the product is taken in 256 bits).</summary>
    public static UInt128 MulDiv(UInt128 a, UInt128 b, ulong d1, ulong d2, ulong d3, bool roundUp)
    {
        var d12 = (UInt128)d1 * d2;
        if (UInt128.LeadingZeroCount(a) + UInt128.LeadingZeroCount(b) >= 128 && d12 <= ulong.MaxValue)
        {
            // The product and the divisor both fit 128 bits: one 128-bit division.
            var (fast, rest) = UInt128.DivRem(a * b, d12 * d3);
            return roundUp && rest != 0 ? fast + 1 : fast;
        }

        var quotient = UInt256.Multiply(a, b).DivRem(d1, out var r1).DivRem(d2, out var r2).DivRem(d3, out var r3);
        var result = quotient.ToUInt128();
        return roundUp && (r1 | r2 | r3) != 0 ? result + 1 : result;
    }

    public static UInt128 MulDiv(UInt128 a, UInt128 b, ulong divisor, bool roundUp) => MulDiv(a, b, divisor, 1, 1, roundUp);

    /// <summary>⌊a·b / divisor⌋ for a signed <paramref name="a"/>: rounds toward −∞, so a loss is never understated.</summary>
    public static Int128 MulDivFloor(Int128 a, UInt128 b, ulong d1, ulong d2)
    {
        if (a >= 0)
        {
            return (Int128)MulDiv((UInt128)a, b, d1, d2, 1, roundUp: false);
        }

        return -(Int128)MulDiv((UInt128)(-a), b, d1, d2, 1, roundUp: true);
    }

    /// <summary>|quantity| × price in quote units, rounded up (what a requirement is taken on).</summary>
    public static UInt128 NotionalUp(long quantity, long price) =>
        MulDiv((UInt128)Int128.Abs(quantity), (UInt128)price, Scales.NotionalDivisor, roundUp: true);

    /// <summary>USD held in a <see cref="double"/> (an option value) to quote units, rounded down (what equity counts).</summary>
    public static Int128 UsdToUnitsFloor(double usd) => ToUnits(Math.Floor(usd * Scales.Quote));

    /// <summary>USD held in a <see cref="double"/> (an option loss) to quote units, rounded up (what a requirement counts).</summary>
    public static Int128 UsdToUnitsCeiling(double usd) => ToUnits(Math.Ceiling(usd * Scales.Quote));

    /// <summary>
    /// A token balance from the chain boundary: non-negative and below 2^127 base units, or an error naming
    /// <paramref name="field"/>. This is the only place a <see cref="BigInteger"/> enters the library.
    /// </summary>
    public static bool TryFromBigInteger(BigInteger amount, string field, out UInt128 units, out MarginError? error)
    {
        units = 0;
        error = null;
        if (amount.Sign < 0)
        {
            error = new MarginError(field, "must not be negative");
            return false;
        }

        if (amount.GetBitLength() > 127)
        {
            error = new MarginError(field, "must be below 2^127 base units");
            return false;
        }

        units = (UInt128)amount;
        return true;
    }

    /// <summary>The sign of a·b − c·d, exact for every input (products are taken in 256 bits).</summary>
    public static int CompareProducts(Int128 a, UInt128 b, Int128 c, UInt128 d)
    {
        var left = Int128.Sign(a) * (b == 0 ? 0 : 1);
        var right = Int128.Sign(c) * (d == 0 ? 0 : 1);
        if (left != right)
        {
            return left.CompareTo(right);
        }

        if (left == 0)
        {
            return 0;
        }

        var magnitudes = UInt256.Multiply(Abs(a), b).CompareTo(UInt256.Multiply(Abs(c), d));
        return left > 0 ? magnitudes : -magnitudes;
    }

    private static UInt128 Abs(Int128 value) => value < 0 ? (UInt128)(-value) : (UInt128)value;

    /// <summary>Converts an exact integer-valued double; values beyond 2^100 quote units mean broken inputs.</summary>
    private static Int128 ToUnits(double integral)
    {
        if (Math.Abs(integral) < 9e18)
        {
            return (long)integral;
        }

        if (double.IsNaN(integral) || Math.Abs(integral) > (double)MaxDoubleUnits)
        {
            throw new OverflowException($"option value {integral} quote units is not a finite amount");
        }

        return (Int128)integral;
    }
}
