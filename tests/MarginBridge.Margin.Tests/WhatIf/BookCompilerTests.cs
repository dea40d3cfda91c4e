using System.Numerics;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Margin.WhatIf;

namespace MarginBridge.Margin.Tests.WhatIf;

public sealed class BookCompilerTests
{
    private static readonly WhatIfBook Valid = new()
    {
        NowUnixSeconds = TestBook.Now,
        Markets = [new() { Underlying = "ETH", Price = 3_000m, OpenInterest = 1_000m }, new() { Underlying = "BTC", Price = 100_000m }],
        Tokens = [new() { Symbol = "USDC", Decimals = 6, Price = 1m }, new() { Symbol = "WETH", Decimals = 18, Price = 3_000m }],
        Collateral =
        [
            new() { Chain = "hub", Layer = LayerKind.L1, Token = "USDC", Amount = 50_000_000_000 },
            new() { Chain = "op", Layer = LayerKind.Optimistic, Token = "WETH", Amount = BigInteger.Pow(10, 18), Final = false },
        ],
        Perps = [new() { Underlying = "BTC", Venue = "dydx", Quantity = 0.5m, EntryPrice = 99_000m }, new() { Underlying = "BTC", Venue = "hyper", Quantity = -0.25m, EntryPrice = 101_000m }],
        Options = [new() { Underlying = "ETH", Venue = "derive", Kind = OptionKind.Put, Quantity = -5m, Strike = 2_800m, ExpiryUnixSeconds = TestBook.Days(14), Volatility = 0.65 }],
    };

    [Fact]
    public void ValidBook_CompilesToFixedPointAndEvaluates()
    {
        var compiled = BookCompiler.Compile(Valid, TestBook.DefaultModel);

        Assert.True(compiled.IsValid);
        Assert.Empty(compiled.Errors);
        var book = compiled.Book!;
        Assert.Equal(["ETH", "BTC"], book.Underlyings);
        Assert.Equal(["dydx", "hyper", "derive"], book.Venues);
        Assert.Equal(new PerpPosition(1, 1, -25_000_000, 10_100_000_000_000), book.Perps[1]);
        Assert.Equal(new CollateralHolding(BigInteger.Pow(10, 18) is var wei ? (UInt128)wei : 0, 300_000_000_000, 18, 1_000, LayerKind.Optimistic, false), book.Collateral[1]);

        var risks = new UnderlyingRisk[2];
        var margin = book.Evaluate(TestBook.DefaultModel, risks, default);
        Assert.Equal(TestBook.Usd(50_000 + 1_350), margin.CollateralValue);
        Assert.Equal(MarginMethod.Grid, risks[0].Method);
        Assert.Equal(MarginMethod.Tier, risks[1].Method);
    }

    public static TheoryData<WhatIfBook, string, string> Refused() => new()
    {
        { Valid with { Options = [Valid.Options[0] with { Volatility = -0.2 }] }, "options[0].volatility", "must be above 0" },
        { Valid with { Options = [Valid.Options[0] with { ExpiryUnixSeconds = TestBook.Now - 60 }] }, "options[0].expiryUnixSeconds", "in the past" },
        { Valid with { Options = [Valid.Options[0] with { Underlying = "DOGE" }] }, "options[0].underlying", "unknown underlying 'DOGE'" },
        { Valid with { Options = [Valid.Options[0] with { Strike = 0 }] }, "options[0].strike", "must be above zero" },
        { Valid with { Options = [Valid.Options[0] with { Kind = (OptionKind)7 }] }, "options[0].kind", "Call or Put" },
        { Valid with { Markets = [.. Valid.Markets, new() { Underlying = "DOGE", Price = 0.1m }] }, "markets[2].underlying", "unknown underlying 'DOGE'" },
        { Valid with { Markets = [Valid.Markets[0] with { Price = -3_000m }, Valid.Markets[1]] }, "markets[0].price", "must be above zero" },
        { Valid with { Markets = [Valid.Markets[0] with { Price = 3_000.000000001m }, Valid.Markets[1]] }, "markets[0].price", "more than 8 decimals" },
        { Valid with { Markets = [Valid.Markets[0] with { Rate = double.PositiveInfinity }, Valid.Markets[1]] }, "markets[0].rate", "finite" },
        { Valid with { Perps = [Valid.Perps[0] with { Quantity = 0 }] }, "perps[0].quantity", "must not be zero" },
        { Valid with { Perps = [Valid.Perps[0] with { Underlying = "SOL" }] }, "perps[0].underlying", "not one of markets" },
        { Valid with { Perps = [Valid.Perps[0], Valid.Perps[0] with { Quantity = 1m }] }, "perps[1].venue", "already the BTC position on 'dydx'" },
        { Valid with { Perps = [Valid.Perps[0] with { Venue = "" }] }, "perps[0].venue", "is required" },
        { Valid with { Tokens = [.. Valid.Tokens, new() { Symbol = "PEPE", Decimals = 18, Price = 0.00001m }] }, "tokens[2].symbol", "not a collateral token" },
        { Valid with { Collateral = [Valid.Collateral[0] with { Token = "USDT" }] }, "collateral[0].token", "not one of tokens" },
        { Valid with { Collateral = [Valid.Collateral[0] with { Amount = -1 }] }, "collateral[0].amount", "must not be negative" },
        { Valid with { Collateral = [Valid.Collateral[0] with { Layer = (LayerKind)9 }] }, "collateral[0].layer", "L1, Optimistic, ZkRollup or AppChain" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void BadInput_IsRefusedNamingTheField(WhatIfBook book, string field, string rule)
    {
        var compiled = BookCompiler.Compile(book, TestBook.DefaultModel);

        Assert.False(compiled.IsValid);
        Assert.Null(compiled.Book);
        var error = Assert.Single(compiled.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void BookWithSeveralMistakes_ReportsEveryOne()
    {
        var book = Valid with
        {
            Options = [Valid.Options[0] with { Volatility = -1, ExpiryUnixSeconds = 0 }],
            Perps = [Valid.Perps[0] with { Underlying = "XRP" }],
        };

        var fields = BookCompiler.Compile(book, TestBook.DefaultModel).Errors.Select(e => e.Field).Order(StringComparer.Ordinal);

        Assert.Equal(["options[0].expiryUnixSeconds", "options[0].volatility", "perps[0].underlying"], fields);
    }
}
