namespace MarginBridge.Margin.Liquidation;

/// <summary>Another account's position in the liquidated underlying (quantities and prices × 1e8, equity in quote units).</summary>
public readonly record struct DeleverageCandidate(int Account, long Quantity, long EntryPrice, Int128 Equity);
