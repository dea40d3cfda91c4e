using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Portfolio;

public sealed class TierMarginTests
{
    [Theory]
    [InlineData(0, 15_000_000_000)] // no open interest: base IMF 10 % of 150,000 USD
    [InlineData(133_333.33333333, 15_000_000_000)] // 19,999,999.9999995 USD open, rounded up to the lower cap
    [InlineData(200_000, 60_000_000_000)] // 30 M USD open: IMF = 10 % + 90 % × 10/30
    [InlineData(333_333.33333334, 150_000_000_000)] // just past the upper cap: IMF 100 %
    [InlineData(10_000_000, 150_000_000_000)] // far above it: still 100 %, never more than the notional
    public void InitialFraction_RisesLinearlyWithOpenInterestBetweenTheCaps(decimal openInterest, long initial)
    {
        var book = new TestBook().Perp(Sol, 0, 1_000, 150);
        book.Markets[Sol] = book.Markets[Sol] with { OpenInterest = Qty(openInterest) };

        var margin = book.Evaluate();

        Assert.Equal(initial, margin.InitialRequirement);
        Assert.Equal(7_500_000_000, margin.MaintenanceRequirement);
    }

    [Fact]
    public void LargeCapTier_WithNoUpperCap_IgnoresOpenInterest()
    {
        var book = new TestBook().Perp(Btc, 0, -2, 100_000);
        book.Markets[Btc] = book.Markets[Btc] with { OpenInterest = Qty(50_000_000) };

        Assert.Equal(4_000_000_000, book.Evaluate().InitialRequirement);
    }

    [Fact]
    public void Requirement_OnAFractionalNotional_RoundsUpOnce()
    {
        // 0.00000001 ETH at 3,000.00000001 USD: notional 0.0000300000000001 USD, MM = 1.2 % of it = 3.6e-7 USD → 1 unit.
        var book = new TestBook().Perp(Eth, 0, 0.00000001m, 3_000);
        book.Markets[Eth] = book.Markets[Eth] with { Price = 300_000_000_001 };

        var margin = book.Evaluate();

        Assert.Equal(1, margin.MaintenanceRequirement);
        Assert.Equal(1, margin.InitialRequirement);
    }

    [Fact]
    public void BasisCharge_IsCappedAtTheTiersMaintenanceRate()
    {
        // An FX-tier underlying: IMF 1 %, MMF 50 %: maintenance 0.5 %, below the 1 % basis charge.
        var parameters = new MarginParameters
        {
            Underlyings = new Dictionary<string, UnderlyingParameters> { ["EUR"] = new() { LiquidityTier = "FX" } },
        };
        var model = new MarginModel(parameters);
        var book = new TestBook().Perp(0, 0, 1_000_000, 1.1m).Perp(0, 1, -1_000_000, 1.1m);
        book.Markets.Clear();
        book.Markets.Add(new(Px(1.1m), 0, model.TierIndex("FX"), 0));

        var margin = book.Evaluate(model);

        Assert.Equal(Usd(5_500), margin.MaintenanceRequirement);
        Assert.Equal(Usd(5_500), book.Risks[0].BasisCharge);
    }

    [Fact]
    public void OppositePerpsOnOneUnderlying_NetAcrossVenuesButNotAcrossUnderlyings()
    {
        var netted = new TestBook().Perp(Eth, 0, 10, 3_000).Perp(Eth, 1, -10, 3_000).Evaluate();
        var apart = new TestBook().Perp(Eth, 0, 10, 3_000).Perp(Btc, 1, -0.3m, 100_000).Evaluate();

        Assert.Equal(Usd(300), netted.MaintenanceRequirement);
        Assert.Equal(Usd(360 + 360), apart.MaintenanceRequirement);
    }

    [Fact]
    public void Underlying_WithNoPositions_HasNoRequirementAndNoMethod()
    {
        var book = new TestBook().Usdc(1_000);

        var margin = book.Evaluate();

        Assert.All(book.Risks, r => Assert.Equal(MarginMethod.None, r.Method));
        Assert.Equal(0, margin.MaintenanceRequirement);
        Assert.Equal(double.PositiveInfinity, margin.Health);
        Assert.False(margin.IsLiquidatable);
    }

    [Fact]
    public void Account_BelowMaintenance_IsLiquidatable()
    {
        var book = new TestBook().Usdc(1_000).Perp(Eth, 0, 100, 3_000);
        book.Markets[Eth] = book.Markets[Eth] with { Price = Px(2_995) };

        var margin = book.Evaluate();

        Assert.Equal(Usd(500), margin.Equity);
        Assert.Equal(Usd(3_594), margin.MaintenanceRequirement);
        Assert.True(margin.IsLiquidatable);
        Assert.False(margin.MeetsInitial);
    }
}
