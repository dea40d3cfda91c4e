using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using static MarginBridge.UnitTests.Margin.LiveAccounts;

namespace MarginBridge.UnitTests.Margin;

/// <summary>The exposure shard re-margins its books at its prices and reports only the accounts whose status changed.</summary>
public sealed class ExposureShardTests
{

    private static readonly MarginBridgeOptions Options = LiveAccounts.Options(new MarketOptions { Id = "ETH-PERP", Underlying = "ETH" });

    private static ExposureShard NewShard(long ethUsd)
    {
        var shard = new ExposureShard(new MarginModel(new MarginParameters()), Options);
        shard.Prices.Set(Price(ethUsd));
        return shard;
    }

    private static PriceStatus Price(long usd, string? stale = null) => new("ETH", 31001, "0xfeed", usd * 100_000_000, 1, Now, stale, null, null, null);

    /// <summary>1,000 USDC and 10 ETH long at 3,000: IM 600 and MM 360 at 3,000 (Large-Cap: 2 % and 60 % of it).</summary>
    private static AccountView Leveraged(string address) => new(
        address,
        [new ChainBalance(31004, Usdc, "USDC", 0, 1_000_000_000)],
        [],
        1,
        0,
        [new VenuePosition(31002, "0x00000000000000000000000000000000000000e1", MarketOptions.ToOnChainId("ETH-PERP"), Instrument.Perpetual, 10 * Wad, 3_000 * Wad, 0, 0, 0, 1, 0)],
        null);

    [Fact]
    public void PriceMoves_ChangeTheStatus_AndOnlyChangesAreReported()
    {
        var shard = NewShard(3_000);
        Assert.Equal(MarginStatus.Healthy, shard.Upsert(Leveraged("0xa"), Now).Status);
        Assert.Equal(MarginStatus.Healthy, shard.Upsert(Leveraged("0xb"), Now).Status);
        Assert.Empty(shard.Remargin(Now));

        shard.Prices.Set(Price(2_920));
        var changed = shard.Remargin(Now);
        Assert.Equal(["0xa", "0xb"], changed.Select(c => c.Account).Order());
        Assert.All(changed, c => Assert.Equal((MarginStatus.Liquidatable, new BigInteger(200_000_000)), (c.Flag.Status, c.Flag.Equity)));

        // Σ (MM − equity): 350.4 − 200 per account.
        Assert.Equal((Int128)(2 * 150_400_000), shard.UnderMargined());
    }

    [Fact]
    public void StalePrice_MakesTheAccountUndecided_WithTheReason()
    {
        var shard = NewShard(3_000);
        shard.Upsert(Leveraged("0xa"), Now);
        shard.Prices.Set(Price(2_000, stale: "too old"));

        var (_, flag) = Assert.Single(shard.Remargin(Now));
        Assert.Equal(MarginStatus.Undecided, flag.Status);
        Assert.Contains("no usable price", flag.Reason, StringComparison.Ordinal);
        Assert.Equal(Int128.Zero, shard.UnderMargined());
    }

    [Fact]
    public void CrashBelowZero_IsNegativeEquity()
    {
        var shard = NewShard(3_000);
        shard.Upsert(Leveraged("0xa"), Now);
        shard.Prices.Set(Price(2_880));

        var (_, flag) = Assert.Single(shard.Remargin(Now));
        Assert.Equal((MarginStatus.NegativeEquity, new BigInteger(-200_000_000)), (flag.Status, flag.Equity));
    }
}
