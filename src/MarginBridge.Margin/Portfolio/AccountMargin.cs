namespace MarginBridge.Margin.Portfolio;

/// <summary>An account's margin in quote units (1e-6 USD); equity is shared across all underlyings and chains.</summary>
public readonly record struct AccountMargin
{
    /// <summary>Σ counted collateral values, each rounded down.</summary>
    public Int128 CollateralValue { get; init; }

    /// <summary>The part of <see cref="CollateralValue"/> that is only soft-final (it can be neither withdrawn nor moved).</summary>
    public Int128 PendingCollateralValue { get; init; }

    /// <summary>The book's settled cash at venues (signed), as given.</summary>
    public Int128 Cash { get; init; }

    /// <summary>Σ perpetual unrealized P&amp;L at the oracle price, rounded down per position.</summary>
    public Int128 UnrealizedPnl { get; init; }

    /// <summary>Σ option mark-to-market values, rounded down per underlying.</summary>
    public Int128 OptionValue { get; init; }

    public Int128 InitialRequirement { get; init; }

    public Int128 MaintenanceRequirement { get; init; }

    /// <summary>The underlying whose grid has the largest worst-scenario loss; −1 when no underlying is grid-margined.</summary>
    public int WorstUnderlying { get; init; }

    public Int128 Equity => CollateralValue + Cash + UnrealizedPnl + OptionValue;

    /// <summary>Equity above the initial requirement; negative when below it.</summary>
    public Int128 FreeCollateral => Equity - InitialRequirement;

    /// <summary>Equity ÷ MM, for display (decisions compare the integers); +∞ with no requirement.</summary>
    public double Health => MaintenanceRequirement == 0 ? double.PositiveInfinity : (double)Equity / (double)MaintenanceRequirement;

    /// <summary>dYdX's rule: a requirement is due and equity is below it.</summary>
    public bool IsLiquidatable => MaintenanceRequirement > 0 && Equity < MaintenanceRequirement;

    public bool MeetsInitial => Equity >= InitialRequirement;
}
