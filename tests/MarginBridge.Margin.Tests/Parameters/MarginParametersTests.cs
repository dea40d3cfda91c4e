using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Margin.Tests.Parameters;

public sealed class MarginParametersTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(new MarginParameters().Validate());

    public static TheoryData<MarginParameters, string, string> Broken() => new()
    {
        { new() { Portfolio = new() { SpotSteps = 8 } }, "MarginBridge:Margin:Portfolio:SpotSteps", "must be odd" },
        { new() { Portfolio = new() { SpotRangePpm = 0 } }, "MarginBridge:Margin:Portfolio:SpotRangePpm", "between 1 and 900000" },
        { new() { Portfolio = new() { VolRangeUp = double.NaN } }, "MarginBridge:Margin:Portfolio:VolRangeUp", "between 0 and 2" },
        { new() { Portfolio = new() { VolRangeDown = 1.5 } }, "MarginBridge:Margin:Portfolio:VolRangeDown", "between 0 and 1" },
        { new() { Portfolio = new() { ShortTermPower = -0.1 } }, "MarginBridge:Margin:Portfolio:ShortTermPower", "between 0 and 0.5" },
        { new() { Portfolio = new() { VolShockFloorSeconds = 10 } }, "MarginBridge:Margin:Portfolio:VolShockFloorSeconds", "between 864 and 8640000" },
        { new() { Portfolio = new() { ExtremeMovePpm = 100_000 } }, "MarginBridge:Margin:Portfolio:ExtremeMovePpm", "larger than Portfolio:SpotRangePpm" },
        { new() { Portfolio = new() { InitialMarginFactorPpm = 900_000 } }, "MarginBridge:Margin:Portfolio:InitialMarginFactorPpm", "between 1000000 and 4000000" },
        { new() { Portfolio = new() { NakedShortOptionContingencyPpm = -1 } }, "MarginBridge:Margin:Portfolio:NakedShortOptionContingencyPpm", "between 0 and 1000000" },
        { new() { Perpetuals = new() { BasisChargePpm = 2_000_000 } }, "MarginBridge:Margin:Perpetuals:BasisChargePpm", "between 0 and 1000000" },
        { OneTier(new() { Name = "Large-Cap", InitialMarginPpm = 0, MaintenanceFractionPpm = 500_000 }), "MarginBridge:Margin:Perpetuals:Tiers:0:InitialMarginPpm", "between 1 and 1000000" },
        { OneTier(new() { Name = "Large-Cap", InitialMarginPpm = 20_000, MaintenanceFractionPpm = 500_000, OpenInterestLowerCap = 10, OpenInterestUpperCap = 5 }), "MarginBridge:Margin:Perpetuals:Tiers:0:OpenInterestUpperCap", "above OpenInterestLowerCap" },
        { OneTier(new() { Name = " ", InitialMarginPpm = 20_000, MaintenanceFractionPpm = 500_000 }) with { Underlyings = new Dictionary<string, UnderlyingParameters> { ["ETH"] = new() { LiquidityTier = " " } } }, "MarginBridge:Margin:Perpetuals:Tiers:0:Name", "present and unique" },
        { new() { Underlyings = new Dictionary<string, UnderlyingParameters> { ["DOGE"] = new() { LiquidityTier = "Meme" } } }, "MarginBridge:Margin:Underlyings:DOGE:LiquidityTier", "not one of Perpetuals:Tiers" },
        { new() { Underlyings = new Dictionary<string, UnderlyingParameters>() }, "MarginBridge:Margin:Underlyings", "at least one underlying" },
        { new() { Collateral = new() { TokenHaircutBps = new Dictionary<string, int> { ["USDC"] = 10_001 } } }, "MarginBridge:Margin:Collateral:TokenHaircutBps:USDC", "between 0 and 10000" },
        { new() { Collateral = new() { PendingCountedBps = new() { Optimistic = -1 } } }, "MarginBridge:Margin:Collateral:PendingCountedBps:Optimistic", "between 0 and 10000" },
        { new() { Liquidation = new() { BankruptcyAdjustmentPpm = 999_999 } }, "MarginBridge:Margin:Liquidation:BankruptcyAdjustmentPpm", "between 1000000 and" },
        { new() { Liquidation = new() { MaxPositionPortionLiquidatedPpm = 0 } }, "MarginBridge:Margin:Liquidation:MaxPositionPortionLiquidatedPpm", "between 1 and 1000000" },
        { new() { Liquidation = new() { MaxInsuranceLostPerBlock = 0 } }, "MarginBridge:Margin:Liquidation:MaxInsuranceLostPerBlock", "between 1 and" },
    };

    private static MarginParameters OneTier(LiquidityTier tier) => new()
    {
        Underlyings = new Dictionary<string, UnderlyingParameters> { ["ETH"] = new() { LiquidityTier = "Large-Cap" } },
        Perpetuals = new() { Tiers = [tier] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenParameter_IsNamedWithItsRule(MarginParameters parameters, string key, string rule)
    {
        var error = Assert.Single(parameters.Validate());

        Assert.Equal(key, error.Field);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_WithBrokenParameters_RefusesToStartAndNamesEveryKey()
    {
        var parameters = new MarginParameters { Portfolio = new() { SpotSteps = 4, VolRangeUp = 3 } };

        var error = Assert.Throws<ArgumentException>(() => new MarginModel(parameters));

        Assert.Contains("MarginBridge:Margin:Portfolio:SpotSteps", error.Message, StringComparison.Ordinal);
        Assert.Contains("MarginBridge:Margin:Portfolio:VolRangeUp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var parameters = new MarginParameters();

        Assert.Equal(7, parameters.Perpetuals.Tiers.Count);
        Assert.Equal(10_000, parameters.Perpetuals.BasisChargePpm);
        Assert.Equal((9_000, 5_000, 8_000, 10_000), (parameters.Collateral.PendingCountedBps.L1, parameters.Collateral.PendingCountedBps.Optimistic, parameters.Collateral.PendingCountedBps.ZkRollup, parameters.Collateral.PendingCountedBps.AppChain));
        Assert.Equal((160_000, 9, 330_000, 350_000, 1_250_000), (parameters.Portfolio.SpotRangePpm, parameters.Portfolio.SpotSteps, parameters.Portfolio.ExtremeMovePpm, parameters.Portfolio.ExtremeCoveredPpm, parameters.Portfolio.InitialMarginFactorPpm));
        Assert.Equal((15_000, 1_500_000, 100_000), (parameters.Liquidation.MaxLiquidationFeePpm, parameters.Liquidation.SpreadToMaintenanceMarginRatioPpm, parameters.Liquidation.MaxPositionPortionLiquidatedPpm));
    }
}
