namespace MarginBridge.Margin.FixedPoint;

/// <summary>
/// Just enough 256-bit arithmetic to take a 128 × 128-bit product exactly and divide it by
/// 64-bit divisors one after the other (floor(floor(x / a) / b) = floor(x / (a·b)) for
/// non-negative integers, so a chain of small divisions is one exact division).
/// </summary>
internal readonly struct UInt256
{
    private readonly ulong _l0;
    private readonly ulong _l1;
    private readonly ulong _l2;
    private readonly ulong _l3;

    private UInt256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    public static UInt256 Multiply(UInt128 a, UInt128 b)
    {
        var a0 = (ulong)a;
        var a1 = (ulong)(a >> 64);
        var b0 = (ulong)b;
        var b1 = (ulong)(b >> 64);
        var p00 = (UInt128)a0 * b0;
        var p01 = (UInt128)a0 * b1;
        var p10 = (UInt128)a1 * b0;
        var p11 = (UInt128)a1 * b1;
        var mid = (p00 >> 64) + (ulong)p01 + (ulong)p10;
        var high = (mid >> 64) + (p01 >> 64) + (p10 >> 64) + (ulong)p11;
        return new UInt256((ulong)p00, (ulong)mid, (ulong)high, (ulong)(high >> 64) + (ulong)(p11 >> 64));
    }

    /// <summary>The quotient by <paramref name="divisor"/>; <paramref name="remainder"/> is what is left.</summary>
    public UInt256 DivRem(ulong divisor, out ulong remainder)
    {
        ArgumentOutOfRangeException.ThrowIfZero(divisor);
        if (divisor == 1)
        {
            remainder = 0;
            return this;
        }

        UInt128 rest = 0;
        var q3 = Step(_l3, divisor, ref rest);
        var q2 = Step(_l2, divisor, ref rest);
        var q1 = Step(_l1, divisor, ref rest);
        var q0 = Step(_l0, divisor, ref rest);
        remainder = (ulong)rest;
        return new UInt256(q0, q1, q2, q3);
    }

    public int CompareTo(UInt256 other) =>
        _l3 != other._l3 ? _l3.CompareTo(other._l3)
        : _l2 != other._l2 ? _l2.CompareTo(other._l2)
        : _l1 != other._l1 ? _l1.CompareTo(other._l1)
        : _l0.CompareTo(other._l0);

    /// <summary>The value as <see cref="UInt128"/>; throws when it does not fit (a broken bound on the inputs).</summary>
    public UInt128 ToUInt128() =>
        (_l2 | _l3) == 0 ? ((UInt128)_l1 << 64) | _l0 : throw new OverflowException("margin arithmetic exceeded 128 bits");

    private static ulong Step(ulong limb, ulong divisor, ref UInt128 rest)
    {
        var current = (rest << 64) | limb;
        var quotient = current / divisor;
        rest = current - (quotient * divisor);
        return (ulong)quotient;
    }
}
