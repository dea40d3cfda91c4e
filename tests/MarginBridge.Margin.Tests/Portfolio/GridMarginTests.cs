using MarginBridge.Margin.Book;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Margin.Pricing;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Portfolio;

public sealed class GridMarginTests
{
    private static readonly MarginModel Model = TestBook.DefaultModel;

    [Fact]
    public void Grid_HasNineSpotMovesByThreeVolShocksThenTwoDampenedExtremes()
    {
        var scenarios = Model.Scenarios.ToArray();

        Assert.Equal(29, scenarios.Length);
        Assert.Equal(new GridScenario(-160_000, VolShock.Up, 1_000_000), scenarios[0]);
        Assert.Equal(new GridScenario(0, VolShock.Unchanged, 1_000_000), scenarios[Model.CenterScenario]);
        Assert.Equal(new GridScenario(160_000, VolShock.Down, 1_000_000), scenarios[26]);
        Assert.Equal(new GridScenario(-330_000, VolShock.Up, 350_000), scenarios[27]);
        Assert.Equal(new GridScenario(330_000, VolShock.Up, 350_000), scenarios[28]);
        Assert.Equal([-160_000, -120_000, -80_000, -40_000, 0, 40_000, 80_000, 120_000, 160_000], Enumerable.Range(0, 9).Select(i => scenarios[i * 3].SpotMovePpm));
    }

    [Theory]
    [InlineData(30, 0.3)] // (30/30)^0.3 = 1
    [InlineData(7.5, 0.3)] // short-dated: (30/7.5)^0.3
    [InlineData(0.25, 0.3)] // six hours: floored at one day, (30/1)^0.3
    [InlineData(120, 0.13)] // long-dated: (30/120)^0.13
    public void VolShock_ScalesWithTimeToExpiry(double days, double power)
    {
        var book = new TestBook().Option(Eth, OptionKind.Call, 1, 3_000, days, 0.5);
        book.Evaluate();

        var years = Math.Round(days * Scales.SecondsPerDay) / Scales.SecondsPerYear;
        var scale = Math.Pow(30 / Math.Max(days, 1), power);
        var now = BlackScholes.Price(OptionKind.Call, 3_000, 3_000, years, 0, 0.5);
        var up = BlackScholes.Price(OptionKind.Call, 3_000, 3_000, years, 0, 0.5 * (1 + (0.6 * scale)));
        var down = BlackScholes.Price(OptionKind.Call, 3_000, 3_000, years, 0, 0.5 * (1 - (0.3 * scale)));
        var center = (Eth * Model.ScenarioCount) + Model.CenterScenario;
        AssertWithinOneUnit((up - now) * Scales.Quote, book.Grid[center - 1]);
        AssertWithinOneUnit((down - now) * Scales.Quote, book.Grid[center + 1]);
    }

    [Fact]
    public void ExtremeMove_CountsThirtyFivePercentOfItsLoss()
    {
        var book = new TestBook().Perp(Eth, 0, 1, 3_000).Option(Eth, OptionKind.Call, 0.00000001m, 3_000, 30, 0.5);
        book.Evaluate();

        // −33 % on 1 ETH at 3,000 loses 990 USD and 35 % of it counts; the tiny call loses a fraction of a
        // unit, which rounds the scenario's loss up by one unit before the 35 % is taken (rounded up again).
        Assert.Equal(Usd(-346.5m) - 1, book.Grid[(Eth * Model.ScenarioCount) + 27]);
    }

    [Fact]
    public void NakedShorts_NetCallsAndPutsPerExpiryAndStrikeAcrossVenues()
    {
        var book = new TestBook()
            .Option(Eth, OptionKind.Call, -10, 3_000, 30, 0.5, venue: 0)
            .Option(Eth, OptionKind.Put, 4, 3_000, 30, 0.5, venue: 1)
            .Option(Eth, OptionKind.Put, -2, 3_000, 60, 0.5)
            .Option(Eth, OptionKind.Call, 5, 3_200, 30, 0.5);

        book.Evaluate();

        // Net short 6 at (30 days, 3,000) and 2 at (60 days, 3,000); the long 3,200 calls offset neither. 2 % × 8 × 3,000.
        Assert.Equal(Usd(480), book.Risks[Eth].Contingencies);
    }

    [Fact]
    public void MixedBook_AddsPerpContingencyAndMarginsPerpsLinearlyInTheGrid()
    {
        var book = new TestBook().Perp(Eth, 0, -2, 3_000).Option(Eth, OptionKind.Call, 1, 3_000, 30, 0.5);
        var margin = book.Evaluate();
        var eth = book.Risks[Eth];

        Assert.Equal(MarginMethod.Grid, eth.Method);
        Assert.Equal(Usd(180), eth.Contingencies); // 3 % of 2 ETH at 3,000; the call is long
        Assert.Equal(eth.WorstScenarioLoss + eth.Contingencies, margin.MaintenanceRequirement);
        Assert.Equal(Ceiling(margin.MaintenanceRequirement, 1.25m), margin.InitialRequirement);
    }

    [Fact]
    public void Greeks_AddUpPerUnderlyingInWholeUnitsPerVolPointAndPerDay()
    {
        var book = new TestBook().Perp(Eth, 0, -3, 3_000).Option(Eth, OptionKind.Call, 10, 3_000, 30, 0.5).Option(Eth, OptionKind.Put, -4, 2_800, 30, 0.5);
        book.Evaluate();

        var years = 30 / 365.0;
        var call = BlackScholes.Evaluate(OptionKind.Call, 3_000, 3_000, years, 0, 0.5);
        var put = BlackScholes.Evaluate(OptionKind.Put, 3_000, 2_800, years, 0, 0.5);
        var eth = book.Risks[Eth];
        Assert.Equal((10 * call.Delta) - (4 * put.Delta) - 3, eth.Delta, 1e-9);
        Assert.Equal((10 * call.Gamma) - (4 * put.Gamma), eth.Gamma, 1e-12);
        Assert.Equal(((10 * call.Vega) - (4 * put.Vega)) / 100, eth.Vega, 1e-9);
        Assert.Equal(((10 * call.Theta) - (4 * put.Theta)) / 365, eth.Theta, 1e-9);
    }

    [Fact]
    public void AccountRequirement_IsTheSumOverUnderlyingsAndEquityIsShared()
    {
        var book = new TestBook().Usdc(20_000, LayerKind.AppChain).Perp(Btc, 0, 1, 100_000).Option(Eth, OptionKind.Put, -5, 2_700, 14, 0.7);
        var margin = book.Evaluate();

        Assert.Equal(book.Risks.Sum(r => (decimal)r.MaintenanceRequirement), (decimal)margin.MaintenanceRequirement);
        Assert.Equal(book.Risks.Sum(r => (decimal)r.InitialRequirement), (decimal)margin.InitialRequirement);
        Assert.Equal(margin.CollateralValue + margin.OptionValue + margin.UnrealizedPnl, margin.Equity);
        Assert.Equal(Eth, margin.WorstUnderlying);
    }

    [Fact]
    public void Evaluate_WithAPositionOnAMissingMarket_Throws()
    {
        var book = new TestBook().Perp(5, 0, 1, 100);

        Assert.Throws<ArgumentOutOfRangeException>(() => book.Evaluate());
    }

    [Fact]
    public void GridWithoutExtremes_HasOnlyTheRegularScenarios()
    {
        var model = new MarginModel(new MarginParameters { Portfolio = new PortfolioParameters { ExtremeMovePpm = 0, SpotSteps = 7, SpotRangePpm = 150_000 } });

        Assert.Equal(21, model.ScenarioCount);
        Assert.Equal(-150_000, model.Scenarios[0].SpotMovePpm);
        Assert.Equal(-100_000, model.Scenarios[3].SpotMovePpm);
        Assert.Equal(new GridScenario(0, VolShock.Unchanged, 1_000_000), model.Scenarios[model.CenterScenario]);
    }

    private static Int128 Ceiling(Int128 value, decimal factor) => (Int128)Math.Ceiling((decimal)value * factor);

    private static void AssertWithinOneUnit(double expectedUnits, Int128 actual) =>
        Assert.True(Math.Abs(Math.Floor(expectedUnits) - (double)actual) <= 1, $"expected ⌊{expectedUnits}⌋, got {actual}");
}
