using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>
/// The silo's price oracles read the devnet's on-chain feeds (Chainlink's AggregatorV3 interface,
/// on the hub): the price follows the feed, a large move within the window is a jump, an answer
/// older than the trusted age in chain time is stale; `mb devnet shock` moves a feed.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class PriceOracleTests(DevnetFixture devnet) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>These tests move prices: each leaves them calm and no halt behind.</summary>
    public Task DisposeAsync() => devnet.CalmAsync();

    private Task<PriceResponse> PriceAsync(string asset, Func<PriceResponse, bool> until, string what) =>
        Eventually.Until(async () => (await devnet.Api.PricesAsync()).Single(p => p.Asset == asset), until, what);

    [Fact]
    public async Task OpenInterest_IsTheSumOfTheVenuesLongs_OnEveryChain()
    {
        var trader = await devnet.NewAccountAsync();
        await new Devnet.Deployment.VenueClient(devnet.Zk.Node, trader, devnet.Zk.Contracts.Venue).TradePerpetualAsync("ETH-PERP", 7.5m, 3_000m);

        // The venues' own counters, read on chain, against the oracle's reading (every few seconds).
        await Eventually.Until(
            async () => (OnChain: await OpenInterestOnChainAsync("ETH-PERP"), Api: (await devnet.Api.PricesAsync()).Single(p => p.Asset == "ETH").OpenInterest),
            x => x.OnChain >= 75 * System.Numerics.BigInteger.Pow(10, 17) && x.Api == ((decimal)(x.OnChain / System.Numerics.BigInteger.Pow(10, 10)) / 100_000_000m).ToString("0.00000000", System.Globalization.CultureInfo.InvariantCulture),
            "the ETH oracle shows the venues' open interest");
    }

    private async Task<System.Numerics.BigInteger> OpenInterestOnChainAsync(string market)
    {
        var total = System.Numerics.BigInteger.Zero;
        foreach (var chain in devnet.Devnet.Chains)
        {
            total += await chain.Node.Web3For(chain.Node.Accounts[0]).Eth.GetContractQueryHandler<Chains.Contracts.OpenInterestFunction>()
                .QueryAsync<System.Numerics.BigInteger>(chain.Contracts.Venue, new Chains.Contracts.OpenInterestFunction { Market = Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(Chains.Configuration.MarketOptions.ToOnChainId(market)) });
        }

        return total;
    }

    [Fact]
    public async Task Prices_FollowTheFeed_AndAThirtyPercentCrashIsAJump()
    {
        var feed = devnet.Devnet.PriceFeed("ETH");
        await feed.SubmitAsync(3_030.5m);
        var calm = await PriceAsync("ETH", p => p.Usd == "3030.50000000", "the oracle reads the new ETH answer");
        Assert.Null(calm.Stale);
        Assert.Equal(303_050_000_000, calm.Price);
        Assert.Equal(devnet.Hub.Options.ChainId, calm.ChainId);

        await feed.SubmitAsync(2_121.35m);
        var crashed = await PriceAsync("ETH", p => p.Jump is not null && p.Price == 212_135_000_000, "the oracle sees the crash as a jump");
        Assert.Equal(303_050_000_000, crashed.Jump!.FromPrice);
        Assert.Equal(212_135_000_000, crashed.Jump.ToPrice);
        Assert.Equal(30, crashed.Jump.Percent);
    }

    [Fact]
    public async Task AnswerOlderThanTheTrustedAge_IsStale_UntilTheFeedAnswersAgain()
    {
        var feed = devnet.Devnet.PriceFeed("BTC");
        await feed.SubmitAsync(101_000m);
        await PriceAsync("BTC", p => p.Usd == "101000.00000000" && p.Stale is null, "the oracle reads the BTC answer");

        await DevnetFixture.AdvanceChainTimeAsync(devnet.Hub, 61);
        var stale = await PriceAsync("BTC", p => p.Stale is not null, "the answer turns stale in hub time");
        Assert.Contains("at most 60 s is trusted", stale.Stale, StringComparison.Ordinal);

        await feed.SubmitAsync(101_500m);
        await PriceAsync("BTC", p => p.Usd == "101500.00000000" && p.Stale is null, "a new answer is fresh again");
    }

    [Fact]
    public async Task MbDevnetShock_MovesTheFeed_AndNamesABadMove()
    {
        var feed = devnet.Devnet.PriceFeed("BTC");
        var before = await feed.LatestAsync();
        var (code, output) = await MbProcess.RunAsync(["devnet", "shock", "BTC", "-10%", "--data", devnet.Devnet.DataDirectory]);
        Assert.True(code == 0, output);
        Assert.Equal(decimal.Round(before * 0.9m, 8, MidpointRounding.ToZero), await feed.LatestAsync());

        (code, output) = await MbProcess.RunAsync(["devnet", "shock", "BTC", "-100%", "--data", devnet.Devnet.DataDirectory]);
        Assert.NotEqual(0, code);
        Assert.Contains("<MOVE>", output, StringComparison.Ordinal);
        (code, output) = await MbProcess.RunAsync(["devnet", "shock", "DOGE", "+5%", "--data", devnet.Devnet.DataDirectory]);
        Assert.NotEqual(0, code);
        Assert.Contains("<ASSET>", output, StringComparison.Ordinal);
    }
}
