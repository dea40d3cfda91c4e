using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using static MarginBridge.UnitTests.Margin.LiveAccounts;

namespace MarginBridge.UnitTests.Margin;

/// <summary>The venues' open interest, carried by the oracle's status, raises a capped tier's IMF in the live book.</summary>
public sealed class OpenInterestTests
{
    private static readonly MarginModel Model = new(new MarginParameters());
    private static readonly MarginBridgeOptions Options = LiveAccounts.Options(new MarketOptions { Id = "SOL-PERP", Underlying = "SOL" });

    /// <summary>1,000 SOL long at 150 (worked example 1b of docs/margin.md) with 200,000 USDC.</summary>
    private static readonly AccountView Long = new(
        "0xa",
        [new ChainBalance(31004, Usdc, "USDC", 0, 200_000_000_000)],
        [],
        1,
        0,
        [new VenuePosition(31004, "0x00000000000000000000000000000000000000e1", MarketOptions.ToOnChainId("SOL-PERP"), Instrument.Perpetual, 1_000 * Wad, 150 * Wad, 0, 0, 0, 1, 0)],
        null);

    private static AccountMargin Evaluate(long openInterestSol)
    {
        var sol = new PriceStatus("SOL", 31001, "0xfeed", 150 * Scales.Price, 1, Now, null, null, null, null, openInterestSol * Scales.Quantity);
        return LiveBook.Compile(Long, Options, Model).Decide(new PriceBoard([sol]), Model, Now.ToUnixTimeSeconds(), out _)!.Margin;
    }

    [Fact]
    public void OpenInterestBetweenTheTiersCaps_RaisesTheInitialFraction_NotTheMaintenance()
    {
        var quiet = Evaluate(0);
        var crowded = Evaluate(200_000); // 30 M USD open: a third of the way from 20 M to 50 M, IMF 40 %

        Assert.Equal(15_000 * Scales.Quote, quiet.InitialRequirement);
        Assert.Equal(60_000 * Scales.Quote, crowded.InitialRequirement);
        Assert.Equal(quiet.MaintenanceRequirement, crowded.MaintenanceRequirement);
    }
}
