namespace MarginBridge.Margin.Parameters;

public sealed record PerpetualParameters
{
    /// <summary>dYdX v4's liquidity tiers as in its sample genesis (caps in quote units, 1e-6 USD, like dYdX's quote quantums).</summary>
    public IReadOnlyList<LiquidityTier> Tiers { get; init; } =
    [
        new() { Name = "Large-Cap", InitialMarginPpm = 20_000, MaintenanceFractionPpm = 600_000, OpenInterestLowerCap = 0, OpenInterestUpperCap = 0 },
        new() { Name = "Small-Cap", InitialMarginPpm = 100_000, MaintenanceFractionPpm = 500_000, OpenInterestLowerCap = 20_000_000_000_000, OpenInterestUpperCap = 50_000_000_000_000 },
        new() { Name = "Long-Tail", InitialMarginPpm = 200_000, MaintenanceFractionPpm = 500_000, OpenInterestLowerCap = 5_000_000_000_000, OpenInterestUpperCap = 10_000_000_000_000 },
        new() { Name = "Safety", InitialMarginPpm = 1_000_000, MaintenanceFractionPpm = 200_000, OpenInterestLowerCap = 2_000_000_000_000, OpenInterestUpperCap = 5_000_000_000_000 },
        new() { Name = "Isolated", InitialMarginPpm = 50_000, MaintenanceFractionPpm = 600_000, OpenInterestLowerCap = 500_000_000_000, OpenInterestUpperCap = 1_000_000_000_000 },
        new() { Name = "Mid-Cap", InitialMarginPpm = 50_000, MaintenanceFractionPpm = 600_000, OpenInterestLowerCap = 40_000_000_000_000, OpenInterestUpperCap = 100_000_000_000_000 },
        new() { Name = "FX", InitialMarginPpm = 10_000, MaintenanceFractionPpm = 500_000, OpenInterestLowerCap = 500_000_000_000, OpenInterestUpperCap = 1_000_000_000_000 },
    ];

    /// <summary>
    /// Charge on the offset part of perpetuals in one underlying on different venues (each venue marks and
    /// liquidates on its own), as a share of the offset notional. Capped per tier at the tier's maintenance
    /// rate, so hedging on another venue never costs more than closing.
    /// </summary>
    public int BasisChargePpm { get; init; } = 10_000;
}

/// <summary>One dYdX liquidity tier (x/perpetuals/types/liquidity_tier.go).</summary>
public sealed record LiquidityTier
{
    public string Name { get; init; } = string.Empty;

    /// <summary>The base initial-margin fraction (IMF), ppm.</summary>
    public int InitialMarginPpm { get; init; }

    /// <summary>Maintenance margin as a fraction of the base IMF, ppm.</summary>
    public int MaintenanceFractionPpm { get; init; }

    /// <summary>Open notional (quote units) up to which the IMF is its base.</summary>
    public long OpenInterestLowerCap { get; init; }

    /// <summary>Open notional (quote units) from which the IMF is 100 %; 0 turns the scaling off.</summary>
    public long OpenInterestUpperCap { get; init; }
}
