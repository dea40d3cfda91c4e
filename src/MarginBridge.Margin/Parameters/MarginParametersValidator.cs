namespace MarginBridge.Margin.Parameters;

/// <summary>Checks <see cref="MarginParameters"/> and names every broken key with its rule.</summary>
internal static class MarginParametersValidator
{
    public static IReadOnlyList<MarginError> Validate(MarginParameters parameters)
    {
        var errors = new List<MarginError>();
        void Fail(string key, string rule) => errors.Add(new MarginError($"{MarginParameters.Section}:{key}", rule));
        void Range(string key, long value, long min, long max)
        {
            if (value < min || value > max)
            {
                Fail(key, $"must be between {min} and {max}");
            }
        }

        void RangeD(string key, double value, double min, double max)
        {
            if (!(value >= min && value <= max))
            {
                Fail(key, $"must be between {min} and {max}");
            }
        }

        ValidateUnderlyings(parameters, Fail);

        foreach (var (token, haircut) in parameters.Collateral.TokenHaircutBps)
        {
            Range($"Collateral:TokenHaircutBps:{token}", haircut, 0, Scales.Bps);
        }

        var pending = parameters.Collateral.PendingCountedBps;
        foreach (var kind in Enum.GetValues<LayerKind>())
        {
            Range($"Collateral:PendingCountedBps:{kind}", pending.For(kind), 0, Scales.Bps);
        }

        ValidateTiers(parameters.Perpetuals.Tiers, Fail, Range);
        Range("Perpetuals:BasisChargePpm", parameters.Perpetuals.BasisChargePpm, 0, Scales.Ppm);

        var grid = parameters.Portfolio;
        Range("Portfolio:SpotRangePpm", grid.SpotRangePpm, 1, 900_000);
        if (grid.SpotSteps is < 3 or > 41 || grid.SpotSteps % 2 == 0)
        {
            Fail("Portfolio:SpotSteps", "must be odd and between 3 and 41, so that an unchanged spot is one of the steps");
        }

        RangeD("Portfolio:VolRangeUp", grid.VolRangeUp, 0, 2);
        RangeD("Portfolio:VolRangeDown", grid.VolRangeDown, 0, 1);
        RangeD("Portfolio:ShortTermPower", grid.ShortTermPower, 0, 0.5);
        RangeD("Portfolio:LongTermPower", grid.LongTermPower, 0, 0.5);
        Range("Portfolio:VolShockReferenceDays", grid.VolShockReferenceDays, 1, 365);
        Range("Portfolio:VolShockFloorSeconds", grid.VolShockFloorSeconds, 864, 100 * Scales.SecondsPerDay);
        Range("Portfolio:ExtremeMovePpm", grid.ExtremeMovePpm, 0, 900_000);
        if (grid.ExtremeMovePpm != 0 && grid.ExtremeMovePpm <= grid.SpotRangePpm)
        {
            Fail("Portfolio:ExtremeMovePpm", "must be 0 (no extreme moves) or larger than Portfolio:SpotRangePpm");
        }

        Range("Portfolio:ExtremeCoveredPpm", grid.ExtremeCoveredPpm, 0, Scales.Ppm);
        Range("Portfolio:InitialMarginFactorPpm", grid.InitialMarginFactorPpm, Scales.Ppm, 4 * Scales.Ppm);
        Range("Portfolio:NakedShortOptionContingencyPpm", grid.NakedShortOptionContingencyPpm, 0, Scales.Ppm);
        Range("Portfolio:PerpContingencyPpm", grid.PerpContingencyPpm, 0, Scales.Ppm);

        var liquidation = parameters.Liquidation;
        Range("Liquidation:MaxLiquidationFeePpm", liquidation.MaxLiquidationFeePpm, 1, Scales.Ppm);
        Range("Liquidation:BankruptcyAdjustmentPpm", liquidation.BankruptcyAdjustmentPpm, Scales.Ppm, int.MaxValue);
        Range("Liquidation:SpreadToMaintenanceMarginRatioPpm", liquidation.SpreadToMaintenanceMarginRatioPpm, 1, int.MaxValue);
        Range("Liquidation:MaxPositionPortionLiquidatedPpm", liquidation.MaxPositionPortionLiquidatedPpm, 1, Scales.Ppm);
        Range("Liquidation:MinPositionNotionalLiquidated", liquidation.MinPositionNotionalLiquidated, 0, long.MaxValue);
        Range("Liquidation:MaxNotionalLiquidatedPerBlock", liquidation.MaxNotionalLiquidatedPerBlock, 1, long.MaxValue);
        Range("Liquidation:MaxInsuranceLostPerBlock", liquidation.MaxInsuranceLostPerBlock, 1, long.MaxValue);
        return errors;
    }

    private static void ValidateUnderlyings(MarginParameters parameters, Action<string, string> fail)
    {
        if (parameters.Underlyings.Count == 0)
        {
            fail("Underlyings", "at least one underlying is required");
        }

        foreach (var (symbol, underlying) in parameters.Underlyings)
        {
            if (!parameters.Perpetuals.Tiers.Any(t => t.Name == underlying.LiquidityTier))
            {
                fail($"Underlyings:{symbol}:LiquidityTier", $"'{underlying.LiquidityTier}' is not one of Perpetuals:Tiers");
            }
        }
    }

    private static void ValidateTiers(IReadOnlyList<LiquidityTier> tiers, Action<string, string> fail, Action<string, long, long, long> range)
    {
        if (tiers.Count == 0)
        {
            fail("Perpetuals:Tiers", "at least one liquidity tier is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var key = $"Perpetuals:Tiers:{i}";
            if (string.IsNullOrWhiteSpace(tier.Name) || !names.Add(tier.Name))
            {
                fail($"{key}:Name", "must be present and unique");
            }

            range($"{key}:InitialMarginPpm", tier.InitialMarginPpm, 1, Scales.Ppm);
            range($"{key}:MaintenanceFractionPpm", tier.MaintenanceFractionPpm, 1, Scales.Ppm);
            range($"{key}:OpenInterestLowerCap", tier.OpenInterestLowerCap, 0, long.MaxValue);
            range($"{key}:OpenInterestUpperCap", tier.OpenInterestUpperCap, 0, long.MaxValue);
            if (tier.OpenInterestUpperCap != 0 && tier.OpenInterestLowerCap >= tier.OpenInterestUpperCap)
            {
                fail($"{key}:OpenInterestUpperCap", "must be 0 (no open-interest scaling) or above OpenInterestLowerCap");
            }
        }
    }
}
