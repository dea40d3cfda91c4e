namespace MarginBridge.Margin.Liquidation;

/// <summary>An account below its maintenance requirement and the perpetual position to liquidate (quote units, × 1e8 quantities and prices).</summary>
/// <param name="Equity">The account's equity (dYdX's total net collateral, TNC).</param>
/// <param name="Maintenance">The account's maintenance requirement (TMMR), positive.</param>
/// <param name="PositionQuantity">The position (PS), signed.</param>
/// <param name="OraclePrice">The underlying's oracle price.</param>
/// <param name="PositionMaintenance">The position's part of <paramref name="Maintenance"/> (PMMR); a share of it is freed in proportion to the part closed.</param>
/// <param name="NotionalLiquidatedThisBlock">What the account already had liquidated in this block.</param>
/// <param name="InsuranceLostThisBlock">What the insurance funds already paid for the account in this block.</param>
public readonly record struct LiquidationInput(
    Int128 Equity,
    Int128 Maintenance,
    long PositionQuantity,
    long OraclePrice,
    Int128 PositionMaintenance,
    Int128 NotionalLiquidatedThisBlock,
    Int128 InsuranceLostThisBlock);
