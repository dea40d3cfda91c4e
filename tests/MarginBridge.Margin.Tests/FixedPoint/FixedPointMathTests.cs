using System.Numerics;
using MarginBridge.Margin.FixedPoint;

namespace MarginBridge.Margin.Tests.FixedPoint;

public sealed class FixedPointMathTests
{
    [Fact]
    public void MulDiv_OnRandom128BitOperands_EqualsBigIntegerFloorAndCeiling()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var a = RandomUInt128(random, random.Next(1, 128));
            var b = RandomUInt128(random, random.Next(1, 100));
            var d1 = (ulong)random.NextInt64(1, long.MaxValue);
            var d2 = (ulong)random.NextInt64(1, 1_000_000_000_000);
            var d3 = (ulong)random.Next(1, 1_000_000);
            var product = (BigInteger)a * b;
            var divisor = (BigInteger)d1 * d2 * d3;
            var floor = product / divisor;
            if (floor > (BigInteger)UInt128.MaxValue - 1)
            {
                continue;
            }

            var ceiling = floor + (product % divisor == 0 ? 0 : 1);
            Assert.Equal(floor, (BigInteger)FixedPointMath.MulDiv(a, b, d1, d2, d3, roundUp: false));
            Assert.Equal(ceiling, (BigInteger)FixedPointMath.MulDiv(a, b, d1, d2, d3, roundUp: true));
        }
    }

    [Theory]
    [InlineData(7, 2, 3)]
    [InlineData(-7, 2, -4)]
    [InlineData(-6, 2, -3)]
    [InlineData(0, 5, 0)]
    public void MulDivFloor_RoundsTowardMinusInfinity(long a, long divisor, long expected) =>
        Assert.Equal(expected, FixedPointMath.MulDivFloor(a, 1, (ulong)divisor, 1));

    [Fact]
    public void MulDiv_WhenTheQuotientExceeds128Bits_Throws() =>
        Assert.Throws<OverflowException>(() => FixedPointMath.MulDiv(UInt128.MaxValue, UInt128.MaxValue, 1, roundUp: false));

    [Fact]
    public void CompareProducts_OnRandomSignedOperands_AgreesWithBigInteger()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var a = (Int128)RandomUInt128(random, random.Next(1, 127)) * (random.Next(2) == 0 ? 1 : -1);
            var c = (Int128)RandomUInt128(random, random.Next(1, 127)) * (random.Next(2) == 0 ? 1 : -1);
            var b = RandomUInt128(random, random.Next(0, 128));
            var d = random.Next(10) == 0 ? b : RandomUInt128(random, random.Next(0, 128));
            var expected = ((BigInteger)a * b).CompareTo((BigInteger)c * d);
            Assert.Equal(expected, FixedPointMath.CompareProducts(a, b, c, d));
        }
    }

    [Theory]
    [InlineData(0.0000015, 1, 2)]
    [InlineData(-0.0000015, -2, -1)]
    [InlineData(1234.5, 1_234_500_000, 1_234_500_000)]
    public void UsdFromDouble_RoundsDownForEquityAndUpForRequirements(double usd, long floor, long ceiling)
    {
        Assert.Equal(floor, FixedPointMath.UsdToUnitsFloor(usd));
        Assert.Equal(ceiling, FixedPointMath.UsdToUnitsCeiling(usd));
    }

    [Fact]
    public void UsdFromDouble_WhenNotFinite_Throws() =>
        Assert.Throws<OverflowException>(() => FixedPointMath.UsdToUnitsFloor(double.NaN));

    [Fact]
    public void TokenAmount_FromBigInteger_ConvertsExactlyOrNamesTheField()
    {
        var wei = BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(FixedPointMath.TryFromBigInteger(wei, "collateral[0].amount", out var units, out _));
        Assert.Equal(wei, (BigInteger)units);

        Assert.False(FixedPointMath.TryFromBigInteger(-1, "collateral[0].amount", out _, out var negative));
        Assert.Equal(new MarginError("collateral[0].amount", "must not be negative"), negative);
        Assert.False(FixedPointMath.TryFromBigInteger(BigInteger.One << 127, "collateral[1].amount", out _, out var large));
        Assert.Equal("collateral[1].amount", large!.Field);
    }

    private static UInt128 RandomUInt128(Random random, int bits)
    {
        var value = ((UInt128)(ulong)random.NextInt64() << 64) | (ulong)random.NextInt64();
        return bits >= 128 ? value : value & ((UInt128.One << bits) - 1);
    }
}
