namespace MarginBridge.Margin.Liquidation;

/// <summary>The insurance fund of the chain the liquidated position's venue is on (one fund per chain).</summary>
public readonly record struct InsuranceFund(long ChainId, Int128 Balance);
