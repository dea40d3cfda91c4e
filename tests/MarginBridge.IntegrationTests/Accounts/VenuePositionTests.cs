using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Accounts;

/// <summary>
/// Positions reported by venues on several chains (IVenueAdapter's PositionChanged) become one
/// account's book: perpetuals on two venues net, fills realize P&amp;L, option premiums are paid,
/// and the live margin equals the simulator's margin of the same book.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class VenuePositionTests(DevnetFixture devnet) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>These tests move prices: each leaves them calm and no halt behind.</summary>
    public Task DisposeAsync() => devnet.CalmAsync();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task PerpsOnTwoVenues_NetInOneAccount_AndMarginLikeTheSimulatedBook()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.AppChain, trader, 50_000_000_000);
        var optimistic = new VenueClient(devnet.Optimistic.Node, trader, devnet.Optimistic.Contracts.Venue);
        var zk = new VenueClient(devnet.Zk.Node, trader, devnet.Zk.Contracts.Venue);
        await optimistic.TradePerpetualAsync("ETH-PERP", 10m, 3_000m);
        await zk.TradePerpetualAsync("ETH-PERP", -4m, 3_010m);

        var view = await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Positions.Count == 2 && a.On(devnet.AppChain.Options.ChainId) == (0, 50_000_000_000), "both venues' positions reach the account and its deposit is final");
        Assert.Equal(["10000000000000000000", "-4000000000000000000"], view.Positions.Select(p => p.Size));
        Assert.All(view.Positions, p => Assert.Equal(("ETH-PERP", "ETH"), (p.Market, p.Underlying)));
        var margin = Assert.IsType<SimulationResponse>(view.Margin);
        var eth = Assert.Single(margin.Underlyings);
        Assert.Equal(("6.00000000", "4.00000000"), (eth.NetPerpQuantity, eth.OffsetPerpQuantity));
        Assert.Equal("40.000000", margin.UnrealizedPnl); // 10 × (3000 − 3000) − 4 × (3000 − 3010)

        var simulated = await SimulateAsync(new
        {
            nowUnixSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            markets = new[] { new { underlying = "ETH", price = 3_000m, openInterest = 0, rate = 0 } },
            tokens = new[] { new { symbol = "USDC", decimals = 6, price = 1 } },
            collateral = new[] { new { chain = "appchain", layer = "AppChain", token = "USDC", amount = "50000000000", final = true } },
            perps = new[]
            {
                new { underlying = "ETH", venue = "optimistic", quantity = 10m, entryPrice = 3_000m },
                new { underlying = "ETH", venue = "zk", quantity = -4m, entryPrice = 3_010m },
            },
            options = Array.Empty<object>(),
        });
        Assert.Equal(
            (simulated.InitialRequirement, simulated.MaintenanceRequirement, simulated.Equity),
            (margin.InitialRequirement, margin.MaintenanceRequirement, margin.Equity));
    }

    [Fact]
    public async Task ReducingAPerpRealizesItsPnl_AndABoughtCallPaysItsPremium()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        await devnet.SetPriceAsync("ETH-IV", 0.7m);
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.AppChain, trader, 20_000_000_000);
        var venue = new VenueClient(devnet.AppChain.Node, trader, devnet.AppChain.Contracts.Venue);
        await venue.TradePerpetualAsync("ETH-PERP", 10m, 3_000m);
        await venue.TradePerpetualAsync("ETH-PERP", 5m, 3_100m);
        await venue.TradeOptionAsync("ETH-C-3200", Instrument.Call, 2m, 150m, 3_200m, DateTimeOffset.UtcNow.AddDays(30));

        var view = await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Positions.Count == 2 && a.Positions.Any(p => p.Instrument == Instrument.Call), "the perp and the call reach the account");
        var perp = view.Positions.Single(p => p.Instrument == Instrument.Perpetual);
        Assert.Equal(("5000000000000000000", "3000000000000000000000", "500000000000000000000"), (perp.Size, perp.EntryPrice, perp.RealizedPnl));
        var call = view.Positions.Single(p => p.Instrument == Instrument.Call);
        Assert.Equal("-300000000000000000000", call.RealizedPnl);
        var margin = Assert.IsType<SimulationResponse>(view.Margin);
        Assert.Equal("200.000000", margin.Cash); // 5 × (3100 − 3000) realized − 2 × 150 premium
        Assert.Equal(MarginMethod.Grid, Assert.Single(margin.Underlyings).Method);
    }

    [Fact]
    public async Task PositionInAnUnconfiguredMarket_IsNamedAsNotMargined()
    {
        var trader = await devnet.NewAccountAsync();
        await new VenueClient(devnet.Zk.Node, trader, devnet.Zk.Contracts.Venue).TradePerpetualAsync("DOGE-PERP", 1_000m, 0.2m);

        var view = await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Positions.Count == 1, "the position reaches the account");
        Assert.Contains(view.NotCounted, n => n.Contains("DOGE-PERP", StringComparison.Ordinal) && n.Contains("not configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PriceMoves_ReMarginTheExposedAccount_ThroughTheExposureIndex()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var trader = await devnet.PerpTraderAsync(1_000_000_000, devnet.Optimistic, 10m);

        // Large-Cap tier: IM 2 % of notional, MM 60 % of that (1.2 %).
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Flag?.Status == MarginStatus.Healthy && a.Positions.Count == 1, "10 ETH long on 1,000 USDC is healthy at 3,000 (IM 600)");
        await devnet.SetPriceAsync("ETH", 2_950m);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Flag?.Status == MarginStatus.BelowInitial, "at 2,950 equity 500 is below IM 590 and above MM 354");
        await devnet.SetPriceAsync("ETH", 2_920m);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Flag?.Status == MarginStatus.Liquidatable, "at 2,920 equity 200 is below MM 350.4");
        var crashedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        await devnet.SetPriceAsync("ETH", 2_880m);
        var crashed = await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Flag?.Status == MarginStatus.NegativeEquity, "at 2,880 equity is −200");
        Assert.Equal((-200_000_000, 345_600_000), (crashed.Flag!.Equity, crashed.Flag.MaintenanceRequirement));

        // Negative equity halts new withdrawals and moves for Breakers:NegativeEquityHaltBlocks blocks of the
        // feed's chain (1 here, the hub), then the breaker probes and closes. (Another test's account
        // crossing zero at the same price may be the one named.)
        var opened = await Eventually.Until(
            async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == BreakerScope.Outflows),
            b => b.History.Any(t => t.To == BreakerState.Open && t.Actor == "negative-equity" && t.At >= crashedAt),
            "the outflows breaker opened for negative equity");
        var hub = devnet.Hub.Options.ChainId;
        Assert.Contains($"of chain {hub}", opened.ActiveTriggers["negative-equity"], StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(BreakerState.Open, (await devnet.Api.BreakersAsync()).Single(b => b.Scope == BreakerScope.Outflows).State);
        await DevnetFixture.MineAsync(devnet.Hub, 1);
        await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == BreakerScope.Outflows), b => b.State == BreakerState.Closed, "the hold ends and the breaker closes", TimeSpan.FromSeconds(30));
        await devnet.SetPriceAsync("ETH", 3_000m);
    }

    private async Task<SimulationResponse> SimulateAsync(object book)
    {
        using var response = await devnet.Api.Http.PostAsJsonAsync("/margin/simulate", book, Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SimulationResponse>(Json))!;
    }
}
