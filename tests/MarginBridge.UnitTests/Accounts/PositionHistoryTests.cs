using MarginBridge.Abstractions.Accounts;
using MarginBridge.Grains.Accounts;
using static MarginBridge.UnitTests.Accounts.VenuePositionTests;

namespace MarginBridge.UnitTests.Accounts;

/// <summary>A position's reports until hard finality: duplicates and stale revocations change nothing; a reorg takes back only what it removed.</summary>
public sealed class PositionHistoryTests
{
    private static PositionHistory Start(PositionChange first) => new() { Final = VenuePosition.Flat(first) };

    [Fact]
    public void ReportDeliveredTwice_CountsOnce()
    {
        var report = Report(1m, 3_000m, 10);
        var history = Start(report);
        Assert.True(history.Apply(FinalityChange.Observed, report));
        Assert.False(history.Apply(FinalityChange.Observed, report));
        Assert.Equal(Wad(1m), history.Current.Size);
    }

    [Fact]
    public void ReportsArrivingOutOfOrder_FoldInChainOrder()
    {
        var (first, second) = (Report(1m, 3_000m, 10), Report(3m, 3_000m, 11));
        var history = Start(first);
        history.Apply(FinalityChange.Observed, second);
        history.Apply(FinalityChange.Observed, first);
        Assert.Equal(Wad(3m), history.Current.Size);
    }

    [Fact]
    public void Reorg_RevokesTheReport_AndThePositionReturnsToTheOneBefore()
    {
        var (first, second) = (Report(1m, 3_000m, 10), Report(5m, 3_000m, 11, hash: "0xold"));
        var history = Start(first);
        history.Apply(FinalityChange.Observed, first);
        history.Apply(FinalityChange.Observed, second);

        Assert.False(history.Apply(FinalityChange.Revoked, second with { BlockHash = "0xother" }));
        Assert.True(history.Apply(FinalityChange.Revoked, second));
        Assert.Equal(Wad(1m), history.Current.Size);
    }

    [Fact]
    public void HardFinality_FoldsTheReportAndEverythingBefore_AndOlderReportsAreIgnored()
    {
        var (first, second, third) = (Report(1m, 3_000m, 10), Report(2m, 3_000m, 11), Report(4m, 3_000m, 12));
        var history = Start(first);
        foreach (var report in new[] { first, second, third })
        {
            history.Apply(FinalityChange.Observed, report);
        }

        Assert.True(history.Apply(FinalityChange.HardFinal, second));
        Assert.Equal((Wad(2m), 11L), (history.Final.Size, history.Final.LastBlock));
        Assert.Single(history.Soft);
        Assert.False(history.Apply(FinalityChange.Observed, first));
        Assert.False(history.Apply(FinalityChange.Revoked, second));
        Assert.Equal(Wad(4m), history.Current.Size);
    }
}
