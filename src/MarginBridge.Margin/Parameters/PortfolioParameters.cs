namespace MarginBridge.Margin.Parameters;

/// <summary>The scenario grid of portfolio margin (Deribit's published model, Derive's PMRMLib, CME SPAN's extreme moves).</summary>
public sealed record PortfolioParameters
{
    /// <summary>Largest spot move of the regular grid, ppm (±16 %).</summary>
    public int SpotRangePpm { get; init; } = 160_000;

    /// <summary>Evenly spaced spot moves from −range to +range, an odd number so that "unchanged" is one of them.</summary>
    public int SpotSteps { get; init; } = 9;

    /// <summary>Relative vol shock up at 30 days to expiry: σ × (1 + up × m).</summary>
    public double VolRangeUp { get; init; } = 0.6;

    /// <summary>Relative vol shock down at 30 days to expiry: σ × max(0, 1 − down × m).</summary>
    public double VolRangeDown { get; init; } = 0.3;

    /// <summary>m = (30 days / max(T, floor))^p with this p when T ≤ 30 days …</summary>
    public double ShortTermPower { get; init; } = 0.3;

    /// <summary>… and this p when T is longer.</summary>
    public double LongTermPower { get; init; } = 0.13;

    /// <summary>The "30 days" of the vol-shock scaling.</summary>
    public int VolShockReferenceDays { get; init; } = 30;

    /// <summary>Times to expiry below this count as this in the vol-shock scaling (1 day).</summary>
    public int VolShockFloorSeconds { get; init; } = 86_400;

    /// <summary>Two extreme moves, −x and +x, with vol up, ppm (±33 %).</summary>
    public int ExtremeMovePpm { get; init; } = 330_000;

    /// <summary>The part of an extreme move's loss that counts, ppm (35 %, as SPAN's scenarios 15 and 16).</summary>
    public int ExtremeCoveredPpm { get; init; } = 350_000;

    /// <summary>IM = MM × this, ppm (1.25).</summary>
    public int InitialMarginFactorPpm { get; init; } = 1_250_000;

    /// <summary>Per naked short option (net short per expiry and strike, calls and puts together), ppm of spot.</summary>
    public int NakedShortOptionContingencyPpm { get; init; } = 20_000;

    /// <summary>Per unit of net perpetual in a grid-margined underlying, ppm of spot.</summary>
    public int PerpContingencyPpm { get; init; } = 30_000;
}
