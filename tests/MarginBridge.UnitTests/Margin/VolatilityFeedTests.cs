using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using static MarginBridge.UnitTests.Margin.LiveAccounts;

namespace MarginBridge.UnitTests.Margin;

/// <summary>Options of a market with a volatility feed are marked at the feed's latest answer, and depend on it like on a price.</summary>
public sealed class VolatilityFeedTests
{
    private static readonly MarginModel Model = new(new MarginParameters());

    private static readonly MarginBridgeOptions Options = LiveAccounts.Options(
        new MarketOptions { Id = "ETH-C-3200", Underlying = "ETH", VolatilityFeed = "ETH-IV" },
        new MarketOptions { Id = "ETH-C-3200-FIXED", Underlying = "ETH", Volatility = 0.7 });

    /// <summary>10,000 USDC and 10 short calls at 3,200, 30 days out, in <paramref name="market"/>.</summary>
    private static AccountView ShortCalls(string market) => new(
        "0xa",
        [new ChainBalance(31004, Usdc, "USDC", 0, 10_000_000_000)],
        [],
        1,
        0,
        [new VenuePosition(31004, "0x00000000000000000000000000000000000000e1", MarketOptions.ToOnChainId(market), Instrument.Call, -10 * Wad, 0, 3_200 * Wad, Now.AddDays(30).ToUnixTimeSeconds(), 0, 1, 0)],
        null);

    private static PriceStatus Feed(string asset, decimal answer, string? stale = null) =>
        new(asset, 31001, "0xfeed", (long)(answer * 100_000_000m), 1, Now, stale, null, null, null);

    private static AccountMargin Evaluate(LiveBook book, params PriceStatus[] prices) =>
        book.Decide(new PriceBoard(prices), Model, Now.ToUnixTimeSeconds(), out var undecided)?.Margin ?? throw new InvalidOperationException(undecided);

    [Fact]
    public void OptionsAreMarkedAtTheFeedsAnswer_LikeTheSameSeriesAtAFixedVolatility()
    {
        var fed = Evaluate(LiveBook.Compile(ShortCalls("ETH-C-3200"), Options, Model), Feed("ETH", 3_000), Feed("ETH-IV", 0.7m));
        var fixedVolatility = Evaluate(LiveBook.Compile(ShortCalls("ETH-C-3200-FIXED"), Options, Model), Feed("ETH", 3_000));
        Assert.Equal((fixedVolatility.OptionValue, fixedVolatility.MaintenanceRequirement), (fed.OptionValue, fed.MaintenanceRequirement));

        var stressed = Evaluate(LiveBook.Compile(ShortCalls("ETH-C-3200"), Options, Model), Feed("ETH", 3_000), Feed("ETH-IV", 1.4m));
        Assert.True(stressed.OptionValue < fed.OptionValue, "short calls lose value to their writer when volatility rises");
        Assert.True(stressed.MaintenanceRequirement > fed.MaintenanceRequirement);
    }

    [Fact]
    public void TheFeedIsAnExposure_AndWithoutAUsableAnswerTheBookIsUndecided()
    {
        var book = LiveBook.Compile(ShortCalls("ETH-C-3200"), Options, Model);
        Assert.Equal(["ETH", "ETH-IV"], book.Exposures.Order(StringComparer.Ordinal));

        Assert.Null(book.Decide(new PriceBoard([Feed("ETH", 3_000)]), Model, Now.ToUnixTimeSeconds(), out var missing));
        Assert.Contains("ETH-IV volatility feed", missing, StringComparison.Ordinal);
        Assert.Null(book.Decide(new PriceBoard([Feed("ETH", 3_000), Feed("ETH-IV", 0.7m, stale: "too old")]), Model, Now.ToUnixTimeSeconds(), out _));
        Assert.Null(book.Decide(new PriceBoard([Feed("ETH", 3_000), Feed("ETH-IV", 12m)]), Model, Now.ToUnixTimeSeconds(), out var absurd));
        Assert.Contains("not a volatility", absurd, StringComparison.Ordinal);
    }
}
