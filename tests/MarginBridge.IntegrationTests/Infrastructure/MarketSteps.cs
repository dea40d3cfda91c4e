using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>Test steps on the devnet's markets: move an oracle price, open a leveraged perpetual.</summary>
public static class MarketSteps
{
    /// <summary>Submits the price to the asset's feed and waits until the silo's oracle reads it, fresh.</summary>
    public static async Task SetPriceAsync(this DevnetFixture devnet, string asset, decimal usd)
    {
        await devnet.Devnet.PriceFeed(asset).SubmitAsync(usd);
        var price = (long)(usd * 100_000_000m);
        await Eventually.Until(async () => (await devnet.Api.PricesAsync()).Single(p => p.Asset == asset), p => p.Price == price && p.Stale is null, $"the {asset} oracle reads {usd}");
    }

    /// <summary>
    /// Puts ETH and BTC back at 3,000 and 100,000 (and ETH's implied volatility at 70 %) and waits until the <c>outflows</c> breaker is
    /// closed: a test that crashed a price leaves no halt behind for the next one (a crash can take
    /// other tests' leveraged accounts below zero, which holds new moves and withdrawals for a while).
    /// </summary>
    public static async Task CalmAsync(this DevnetFixture devnet)
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        await devnet.SetPriceAsync("BTC", 100_000m);
        await devnet.SetPriceAsync("ETH-IV", 0.7m);
        await Eventually.Until(
            async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == Abstractions.Breakers.BreakerScope.Outflows),
            b => b.State != Abstractions.Breakers.BreakerState.Open,
            "no halt of new moves and withdrawals is left",
            TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// A new account with <paramref name="collateral"/> USDC base units — <paramref name="onVenueChain"/>
    /// of them on <paramref name="venue"/>'s chain (made hard-final), the rest on the app-chain — and
    /// <paramref name="size"/> ETH-PERP (negative: short) at 3,000 on <paramref name="venue"/>'s venue,
    /// once the account shows the position and its collateral final.
    /// </summary>
    public static async Task<DevAccount> PerpTraderAsync(this DevnetFixture devnet, long collateral, DevnetChain venue, decimal size, long onVenueChain = 0)
    {
        var trader = await devnet.NewAccountAsync();
        var onAppChain = collateral - onVenueChain;
        await DevnetFixture.DepositAsync(devnet.AppChain, trader, onAppChain);
        if (onVenueChain > 0)
        {
            await DevnetFixture.DepositAsync(venue, trader, onVenueChain);
            await Transfers.TransferTestSteps.MakeHardFinalAsync(venue);
        }

        await new VenueClient(venue.Node, trader, venue.Contracts.Venue).TradePerpetualAsync("ETH-PERP", size, 3_000m);
        await Eventually.Until(
            () => devnet.Api.AccountAsync(trader.Address),
            a => a.Positions.Count == 1 && a.On(devnet.AppChain.Options.ChainId) == (0, onAppChain) && (onVenueChain == 0 || a.On(venue.Options.ChainId) == (0, onVenueChain)),
            "the position and the deposits reach the account");
        return trader;
    }
}
