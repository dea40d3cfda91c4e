namespace MarginBridge.Margin.Portfolio;

/// <summary>Which formula margins an underlying.</summary>
public enum MarginMethod
{
    /// <summary>No position in the underlying.</summary>
    None = 0,

    /// <summary>Only perpetuals: dYdX's liquidity tier on the net position across venues, plus the basis charge.</summary>
    Tier = 1,

    /// <summary>At least one option: the scenario grid over every position in the underlying, plus contingencies.</summary>
    Grid = 2,
}
