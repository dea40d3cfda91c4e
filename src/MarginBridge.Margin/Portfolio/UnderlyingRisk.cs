namespace MarginBridge.Margin.Portfolio;

/// <summary>
/// One underlying's part of an account: requirements in quote units, quantities in quantity units
/// (× 1e8); Greeks in USD for whole units: delta in units of the underlying, gamma in units per USD of
/// spot, vega in USD per vol point (0.01), theta in USD per calendar day.
/// </summary>
public readonly record struct UnderlyingRisk
{
    public int Underlying { get; init; }

    public MarginMethod Method { get; init; }

    /// <summary>Σ perpetual quantities over venues.</summary>
    public long NetPerpQuantity { get; init; }

    /// <summary>min(Σ longs, Σ shorts) of the perpetuals: the part that offsets across venues.</summary>
    public long OffsetPerpQuantity { get; init; }

    public Int128 UnrealizedPnl { get; init; }

    /// <summary>Mark-to-market value of the options, rounded down.</summary>
    public Int128 OptionValue { get; init; }

    public Int128 InitialRequirement { get; init; }

    public Int128 MaintenanceRequirement { get; init; }

    /// <summary>The cross-venue basis charge inside the requirements.</summary>
    public Int128 BasisCharge { get; init; }

    /// <summary>Grid only: naked short options + net perpetual + basis charge.</summary>
    public Int128 Contingencies { get; init; }

    /// <summary>Grid only: index into <see cref="MarginModel.Scenarios"/> of the worst scenario; −1 otherwise.</summary>
    public int WorstScenario { get; init; }

    /// <summary>Grid only: the counted loss of the worst scenario (never negative).</summary>
    public Int128 WorstScenarioLoss { get; init; }

    public double Delta { get; init; }

    public double Gamma { get; init; }

    public double Vega { get; init; }

    public double Theta { get; init; }
}
