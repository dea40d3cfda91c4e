using System.Numerics;
using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.UnitTests.Accounts;

/// <summary>Folding venue reports into a position: entries average against the holder, closes realize, premiums are paid.</summary>
public sealed class VenuePositionTests
{
    private static readonly BigInteger One = BigInteger.Pow(10, 18);

    internal static PositionChange Report(decimal size, decimal price, long block, long log = 0, Instrument instrument = Instrument.Perpetual, string hash = "0xa") => new(
        31002, "0xvenue", "0xmarket", "0xaccount", instrument, Wad(size), Wad(price), instrument == Instrument.Perpetual ? 0 : Wad(3_200m), instrument == Instrument.Perpetual ? 0 : 1_900_000_000,
        block, hash, "0xtx", log);

    internal static BigInteger Wad(decimal value) => new(value * 1_000_000_000_000_000_000m);

    private static VenuePosition Fold(params PositionChange[] reports) =>
        reports.Aggregate(VenuePosition.Flat(reports[0]), (position, report) => position.Apply(report));

    [Fact]
    public void IncreasingALong_AveragesTheEntry_RoundedUp()
    {
        var position = Fold(Report(1m, 3_000m, 1), Report(3m, 3_001m, 2));
        Assert.Equal(Wad(3m), position.Size);
        Assert.Equal(Rounding.Ceiling((Wad(3_000m) * 1) + (Wad(3_001m) * 2), 3), position.EntryPrice);
        Assert.True(position.EntryPrice * 3 > (Wad(3_000m) * 1) + (Wad(3_001m) * 2), "the division was inexact and rounded up");
        Assert.Equal(BigInteger.Zero, position.RealizedPnl);
    }

    [Fact]
    public void IncreasingAShort_AveragesTheEntry_RoundedDown()
    {
        var position = Fold(Report(-1m, 3_000m, 1), Report(-3m, 3_001m, 2));
        Assert.Equal((Wad(3_000m) + (Wad(3_001m) * 2)) / 3, position.EntryPrice);
    }

    [Fact]
    public void Reducing_RealizesTheClosedSizeAgainstTheEntry()
    {
        var longReduced = Fold(Report(10m, 3_000m, 1), Report(4m, 3_100m, 2));
        Assert.Equal((Wad(4m), Wad(3_000m), Wad(600m)), (longReduced.Size, longReduced.EntryPrice, longReduced.RealizedPnl));

        var shortReduced = Fold(Report(-10m, 3_000m, 1), Report(-4m, 3_100m, 2));
        Assert.Equal(Wad(-600m), shortReduced.RealizedPnl);
    }

    [Fact]
    public void Flipping_ClosesEverything_ThenOpensAtTheFill()
    {
        var position = Fold(Report(2m, 3_000m, 1), Report(-1m, 2_900m, 2));
        Assert.Equal((Wad(-1m), Wad(2_900m), Wad(-200m)), (position.Size, position.EntryPrice, position.RealizedPnl));

        var flat = position.Apply(Report(0m, 2_800m, 3));
        Assert.Equal((BigInteger.Zero, BigInteger.Zero, Wad(-100m)), (flat.Size, flat.EntryPrice, flat.RealizedPnl));
    }

    [Fact]
    public void Options_PayThePremiumOfSizeBought_AndReceiveItForSizeSold()
    {
        var bought = Fold(Report(2m, 150m, 1, instrument: Instrument.Call));
        Assert.Equal(Wad(-300m), bought.RealizedPnl);

        var partlySold = bought.Apply(Report(0.5m, 200m, 2, instrument: Instrument.Call));
        Assert.Equal(Wad(-300m + 300m), partlySold.RealizedPnl);
        Assert.Equal(BigInteger.Zero, partlySold.EntryPrice);
    }
}
