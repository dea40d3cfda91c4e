using MarginBridge.Margin.Liquidation;
using MarginBridge.Margin.Parameters;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Liquidation;

/// <summary>A long (or short) of 1 BTC at 100,000 USD that is the account's only position: MM 1,200 USD.</summary>
public sealed class LiquidationMathTests
{
    private static readonly LiquidationParameters Defaults = new();

    [Theory]
    [InlineData(0, 100_000)] // no equity: bankrupt at the oracle price
    [InlineData(600, 99_400)] // half the MM left: the long can give up 600 USD
    [InlineData(1_200, 98_800)]
    [InlineData(-300, 100_300)] // negative equity: bankrupt above the oracle
    public void BankruptcyPrice_OfAWholeLong_IsTheOracleLessItsEquity(long equity, long price)
    {
        var input = Long(equity);

        Assert.Equal(Usd(price), LiquidationMath.BankruptcyQuote(input, -Qty(1)));
    }

    [Theory]
    [InlineData(1_200, 100_000)] // at MM: the oracle
    [InlineData(1_080, 99_820)] // ABR 0.1: 0.1 × 1.5 × 1,200 below
    [InlineData(600, 99_100)] // ABR 0.5
    [InlineData(0, 98_200)] // ABR 1: the whole spread, 1.5 × MM
    [InlineData(-5_000, 98_200)] // ABR clamped at 1
    public void FillablePrice_MovesFromOracleTowardsBankruptcyAsEquityFalls(long equity, long price) =>
        Assert.Equal(Px(price), LiquidationMath.FillablePrice(Long(equity), Defaults));

    [Fact]
    public void FillablePrice_ForAShort_IsAboveTheOracle() =>
        Assert.Equal(Px(100_900), LiquidationMath.FillablePrice(Long(600) with { PositionQuantity = -Qty(1) }, Defaults));

    [Theory]
    [InlineData(1, 0, -0.1)] // 100,000 USD notional: 10 % per block
    [InlineData(0.005, 0, -0.005)] // 500 USD, below the 1,000 USD minimum: all of it
    [InlineData(0.05, 0, -0.01)] // 5,000 USD: 10 % is 500, the minimum 1,000 USD wins
    [InlineData(1, 95_000, -0.05)] // the account's block limit has 5,000 USD left
    [InlineData(1, 100_000, 0)] // … or nothing
    public void PositionDelta_IsBoundedPerPositionAndPerAccountPerBlock(decimal size, long liquidatedUsd, decimal delta)
    {
        var input = Long(600) with { PositionQuantity = Qty(size), NotionalLiquidatedThisBlock = Usd(liquidatedUsd) };

        Assert.Equal(Qty(delta), LiquidationMath.PositionDeltaThisBlock(input, Defaults));
    }

    [Fact]
    public void Liquidation_AboveBankruptcy_PaysTheFeeToThePositionsChainFund()
    {
        var plan = LiquidationMath.Plan(Long(1_080), new InsuranceFund(42161, Usd(1_000_000)), Defaults);

        // 0.1 BTC at 99,820 = 9,982 USD; bankruptcy for 0.1 is 10,000 − 1,080 × 0.1 = 9,892; fee min(1.5 % × 9,982, 90).
        Assert.Equal(-Qty(0.1m), plan.DeltaQuantity);
        Assert.Equal(Px(99_820), plan.FillablePrice);
        Assert.Equal(Usd(9_982), plan.QuoteAtFillablePrice);
        Assert.Equal(Usd(9_892), plan.BankruptcyQuote);
        Assert.Equal(Px(98_920), plan.BankruptcyPrice);
        Assert.Equal(Usd(90), plan.FeeToFund);
        Assert.Equal(LiquidationPayer.Account, plan.PaidBy);
        Assert.Equal(42161, plan.FundChainId);
    }

    [Fact]
    public void Liquidation_BelowBankruptcy_IsCoveredByThatChainsFund()
    {
        var plan = LiquidationMath.Plan(Long(600), new InsuranceFund(10, Usd(1_000)), Defaults);

        Assert.Equal(Usd(9_940), plan.BankruptcyQuote);
        Assert.Equal(Usd(9_910), plan.QuoteAtFillablePrice);
        Assert.Equal(Usd(30), plan.PaidByFund);
        Assert.Equal(0, plan.FeeToFund);
        Assert.Equal(LiquidationPayer.InsuranceFund, plan.PaidBy);
        Assert.Equal(10, plan.FundChainId);
    }

    [Fact]
    public void Liquidation_WhenThatChainsFundIsShort_DeleveragesAtTheBankruptcyPrice()
    {
        var plan = LiquidationMath.Plan(Long(600), new InsuranceFund(10, Usd(29)), Defaults);

        Assert.Equal(LiquidationPayer.AutoDeleveraging, plan.PaidBy);
        Assert.Equal(0, plan.PaidByFund);
        Assert.Equal(-Qty(0.1m), plan.DeleverageQuantity);
        Assert.Equal(Px(99_400), plan.FillablePrice);
        Assert.Equal(plan.BankruptcyQuote, plan.QuoteAtFillablePrice);
        Assert.Equal(10, plan.FundChainId);
    }

    [Fact]
    public void Liquidation_BeyondTheBlocksInsuranceLimit_Deleverages()
    {
        var input = Long(600) with { InsuranceLostThisBlock = Defaults.MaxInsuranceLostPerBlock - Usd(10) };

        Assert.Equal(LiquidationPayer.AutoDeleveraging, LiquidationMath.Plan(input, new InsuranceFund(10, Usd(1_000_000)), Defaults).PaidBy);
    }

    [Fact]
    public void Liquidation_OfAShort_MirrorsTheLong()
    {
        var plan = LiquidationMath.Plan(Long(600) with { PositionQuantity = -Qty(1) }, new InsuranceFund(10, Usd(1_000)), Defaults);

        Assert.Equal(Qty(0.1m), plan.DeltaQuantity);
        Assert.Equal(Usd(-10_060), plan.BankruptcyQuote);
        Assert.Equal(Px(100_600), plan.BankruptcyPrice);
        Assert.Equal(Usd(-10_090), plan.QuoteAtFillablePrice);
        Assert.Equal(Usd(30), plan.PaidByFund);
    }

    [Fact]
    public void Liquidation_WithTheBlockLimitUsedUp_DoesNothing()
    {
        var plan = LiquidationMath.Plan(Long(600) with { NotionalLiquidatedThisBlock = Defaults.MaxNotionalLiquidatedPerBlock }, new InsuranceFund(10, 0), Defaults);

        Assert.Equal(LiquidationPayer.Nobody, plan.PaidBy);
        Assert.Equal(0, plan.DeltaQuantity);
    }

    [Fact]
    public void BankruptcyQuote_ForADeltaThatFlipsThePosition_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LiquidationMath.BankruptcyQuote(Long(600), -Qty(2)));

    [Fact]
    public void BankruptcyQuote_RoundsTowardPlusInfinity()
    {
        // Equity of 1 unit; closing 0.33333333 of the position (33,333,333,000 units of notional) gives up
        // 0.33333333 of that unit: 33,333,332,999.67 rounds up to 33,333,333,000.
        var input = new LiquidationInput(1, Usd(1_200), Qty(1), Px(100_000), Usd(1_200), 0, 0);

        Assert.Equal(33_333_333_000, LiquidationMath.BankruptcyQuote(input, -33_333_333));
        Assert.Equal(33_333_332_999, LiquidationMath.BankruptcyQuote(input with { Equity = 4 }, -33_333_333));
    }

    private static LiquidationInput Long(long equityUsd) =>
        new(Usd(equityUsd), Usd(1_200), Qty(1), Px(100_000), Usd(1_200), 0, 0);
}
