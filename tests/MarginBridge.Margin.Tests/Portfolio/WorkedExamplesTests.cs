using MarginBridge.Margin.Book;
using MarginBridge.Margin.Portfolio;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Portfolio;

/// <summary>The table of worked examples in docs/margin.md, each computed there by hand, asserted to the quote unit.</summary>
public sealed class WorkedExamplesTests
{
    [Fact]
    public void Example1a_LongEthPerp_IsMarginedByItsLiquidityTier()
    {
        var book = new TestBook().Usdc(5_000).Perp(Eth, 0, 10, 3_000);
        book.Markets[Eth] = book.Markets[Eth] with { Price = Px(3_100) };

        var margin = book.Evaluate();

        Assert.Equal(MarginMethod.Tier, book.Risks[Eth].Method);
        Assert.Equal(1_000_000_000, margin.UnrealizedPnl);
        AssertRow(margin, equity: 6_000_000_000, initial: 620_000_000, maintenance: 372_000_000);
    }

    [Fact]
    public void Example1b_ShortSolPerp_InitialFractionRisesWithOpenInterest()
    {
        var book = new TestBook().Usdc(100_000).Perp(Sol, 0, -1_000, 160);
        book.Markets[Sol] = book.Markets[Sol] with { OpenInterest = Qty(200_000) };

        var margin = book.Evaluate();

        Assert.Equal(10_000_000_000, margin.UnrealizedPnl);
        AssertRow(margin, equity: 110_000_000_000, initial: 60_000_000_000, maintenance: 7_500_000_000);
    }

    [Fact]
    public void Example2_ShortStrangle_IsMarginedByItsWorstScenarioPlusNakedShortContingency()
    {
        var book = new TestBook()
            .Usdc(50_000, LayerKind.ZkRollup)
            .Option(Eth, OptionKind.Call, -10, 3_500, 30, 0.6)
            .Option(Eth, OptionKind.Put, -10, 2_500, 30, 0.6);

        var margin = book.Evaluate();
        var eth = book.Risks[Eth];

        Assert.Equal(MarginMethod.Grid, eth.Method);
        Assert.Equal(-911_352_054, margin.OptionValue);
        Assert.Equal(new GridScenario(160_000, VolShock.Up, 1_000_000), TestBook.DefaultModel.Scenarios[eth.WorstScenario]);
        Assert.Equal(3_260_314_903, eth.WorstScenarioLoss);
        Assert.Equal(1_200_000_000, eth.Contingencies);
        AssertRow(margin, equity: 49_088_647_946, initial: 5_575_393_629, maintenance: 4_460_314_903);
        Assert.Equal(-2_198_733_280, book.Grid[(Eth * TestBook.DefaultModel.ScenarioCount) + 0]);
        Assert.Equal(-1_678_186_099, book.Grid[(Eth * TestBook.DefaultModel.ScenarioCount) + 27]);
        Assert.Equal(-2_186_901_245, book.Grid[(Eth * TestBook.DefaultModel.ScenarioCount) + 28]);
    }

    [Fact]
    public void Example3_BtcPerpsOnTwoVenues_NetWithABasisChargeOnTheOffset()
    {
        var book = new TestBook().Usdc(60_000).Perp(Btc, 0, 20, 100_000).Perp(Btc, 1, -15, 100_000);

        var margin = book.Evaluate();
        var btc = book.Risks[Btc];

        Assert.Equal(Qty(5), btc.NetPerpQuantity);
        Assert.Equal(Qty(15), btc.OffsetPerpQuantity);
        Assert.Equal(15_000_000_000, btc.BasisCharge);
        AssertRow(margin, equity: 60_000_000_000, initial: 25_000_000_000, maintenance: 21_000_000_000);
    }

    [Fact]
    public void Example4_PendingWethOnAnOptimisticRollup_CountsHalfAfterItsHaircut()
    {
        var book = new TestBook().Usdc(2_500).Perp(Eth, 0, 2, 3_000);
        book.Markets[Eth] = book.Markets[Eth] with { Price = 312_345_678_901 };
        var weth = new CollateralHolding(1_234_567_890_123_456_789, 312_345_678_901, 18, 1_000, LayerKind.Optimistic, IsFinal: false);
        book.Collateral.Add(weth);

        var pending = book.Evaluate();
        book.Collateral[^1] = weth with { IsFinal = true };
        var final = book.Evaluate();

        Assert.Equal(1_735_253_756, pending.PendingCollateralValue);
        Assert.Equal(4_235_253_756, pending.CollateralValue);
        Assert.Equal(246_913_578, pending.UnrealizedPnl);
        AssertRow(pending, equity: 4_482_167_334, initial: 124_938_272, maintenance: 74_962_963);
        Assert.Equal(0, final.PendingCollateralValue);
        Assert.Equal(6_217_421_090, final.Equity);
    }

    /// <summary>The columns of the table in docs/margin.md; free collateral is equity − IM.</summary>
    private static void AssertRow(AccountMargin margin, long equity, long initial, long maintenance)
    {
        Assert.Equal(equity, margin.Equity);
        Assert.Equal(initial, margin.InitialRequirement);
        Assert.Equal(maintenance, margin.MaintenanceRequirement);
        Assert.Equal(equity - initial, margin.FreeCollateral);
    }
}
