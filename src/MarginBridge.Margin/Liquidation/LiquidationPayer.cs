namespace MarginBridge.Margin.Liquidation;

/// <summary>Who bears a liquidation's shortfall, if any.</summary>
public enum LiquidationPayer
{
    /// <summary>Nothing is liquidated this block (the account's block limit is used up).</summary>
    Nobody = 0,

    /// <summary>The fill covers the bankruptcy price; the account pays a fee to the chain's insurance fund.</summary>
    Account = 1,

    /// <summary>The fill is below the bankruptcy price; the chain's insurance fund pays the deficit.</summary>
    InsuranceFund = 2,

    /// <summary>The chain's fund cannot (or may not this block) cover the deficit: opposite positions are deleveraged at the bankruptcy price.</summary>
    AutoDeleveraging = 3,
}
