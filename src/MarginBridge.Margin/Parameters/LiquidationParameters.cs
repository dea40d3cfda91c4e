namespace MarginBridge.Margin.Parameters;

/// <summary>dYdX v4's liquidations config as in its sample genesis (x/clob); amounts in quote units.</summary>
public sealed record LiquidationParameters
{
    /// <summary>Most of a closed notional the account pays to the insurance fund (1.5 %).</summary>
    public int MaxLiquidationFeePpm { get; init; } = 15_000;

    /// <summary>BA in ABR = clamp(BA × (1 − equity / MM), 0, 1); at least 1e6.</summary>
    public int BankruptcyAdjustmentPpm { get; init; } = 1_000_000;

    /// <summary>SMMR: the fillable price is at most SMMR × the position's MM away from the oracle.</summary>
    public int SpreadToMaintenanceMarginRatioPpm { get; init; } = 1_500_000;

    /// <summary>Share of a position that may be liquidated in one block (10 %) …</summary>
    public int MaxPositionPortionLiquidatedPpm { get; init; } = 100_000;

    /// <summary>… but at least this notional, quote units (1,000 USD).</summary>
    public long MinPositionNotionalLiquidated { get; init; } = 1_000_000_000;

    /// <summary>Notional one account may have liquidated per block, quote units (100,000 USD).</summary>
    public long MaxNotionalLiquidatedPerBlock { get; init; } = 100_000_000_000;

    /// <summary>What the insurance funds may lose on one account per block, quote units (1,000,000 USD).</summary>
    public long MaxInsuranceLostPerBlock { get; init; } = 1_000_000_000_000;
}
