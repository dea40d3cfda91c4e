using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Withdrawals;

namespace MarginBridge.UnitTests.Chains;

public sealed class PositionReportIndexTests
{
    private const string Account = "0x00000000000000000000000000000000000000aa";

    [Fact]
    public void OnlyReportsAtOrBelowTheHardFinalBlock_AreIndexed_AndLaterReadsAppend()
    {
        var index = new PositionReportIndex();
        Assert.Equal((null, 0), Summary(index));

        index.Extend(1, Account, hardFinal: 10, [Report(5), Report(10), Report(11)]);
        Assert.Equal((10L, 2), Summary(index));

        index.Extend(1, Account, hardFinal: 20, [Report(11), Report(20), Report(21)]);
        Assert.Equal((20L, 4), Summary(index));
        Assert.Equal([5L, 10, 11, 20], index.Get(1, Account).Reports.Select(r => r.BlockNumber));
    }

    [Fact]
    public void AnEndpointBehindTheIndex_NeverShrinksIt()
    {
        var index = new PositionReportIndex();
        index.Extend(1, Account, hardFinal: 20, [Report(15)]);
        index.Extend(1, Account, hardFinal: 12, [Report(13)]);
        Assert.Equal((20L, 1), Summary(index));
        Assert.Equal((null, 0), (index.Get(2, Account).Through, index.Get(2, Account).Reports.Count));
    }

    [Fact]
    public void AnIndexKeptInAFile_HasTheSameReportsAfterARestart_AndOnlyNewReportsAreWritten()
    {
        var file = Path.Combine(Path.GetTempPath(), $"positions-{Guid.NewGuid():N}.jsonl");
        try
        {
            var before = new PositionReportIndex(file);
            before.Extend(1, Account, hardFinal: 10, [Report(5, size: -3_000_000_000_000_000_000)]);
            before.Extend(1, Account, hardFinal: 20, [Report(15)]);
            before.Extend(1, Account, hardFinal: 12, [Report(13)]);
            before.Extend(1, Account, hardFinal: 25, []);
            Assert.Equal(2, File.ReadAllLines(file).Length);

            var after = new PositionReportIndex(file);
            Assert.Equal((20L, 2), Summary(after));
            Assert.Equal(before.Get(1, Account).Reports, after.Get(1, Account).Reports);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (long? Through, int Count) Summary(PositionReportIndex index)
    {
        var (through, reports) = index.Get(1, Account);
        return (through, reports.Count);
    }

    private static PositionChange Report(long block, System.Numerics.BigInteger? size = null) =>
        new(1, "0x00000000000000000000000000000000000000bb", "0x01", Account, Instrument.Perpetual, size ?? 1, 1, 0, 0, block, $"0x{block:x}", "0xtx", 0);
}
