using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>Integer division with a stated rounding, for money that must round against the account.</summary>
public static class Rounding
{
    public static BigInteger Floor(BigInteger dividend, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        return remainder.Sign != 0 && (remainder.Sign < 0) != (divisor.Sign < 0) ? quotient - 1 : quotient;
    }

    public static BigInteger Ceiling(BigInteger dividend, BigInteger divisor) => -Floor(-dividend, divisor);

    public static BigInteger AwayFromZero(BigInteger dividend, BigInteger divisor) =>
        dividend.Sign < 0 ? -Ceiling(-dividend, divisor) : Ceiling(dividend, divisor);
}
