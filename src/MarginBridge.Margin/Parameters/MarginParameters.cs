namespace MarginBridge.Margin.Parameters;

/// <summary>
/// Every parameter of the margin method, with its default (docs/margin.md gives each one's source).
/// Bound from configuration section <see cref="Section"/>; <see cref="Validate"/> names every broken key.
/// </summary>
public sealed record MarginParameters
{
    public const string Section = "MarginBridge:Margin";

    /// <summary>The underlyings positions may be on, each with its perpetual liquidity tier.</summary>
    public IReadOnlyDictionary<string, UnderlyingParameters> Underlyings { get; init; } =
        new Dictionary<string, UnderlyingParameters>(StringComparer.Ordinal)
        {
            ["BTC"] = new() { LiquidityTier = "Large-Cap" },
            ["ETH"] = new() { LiquidityTier = "Large-Cap" },
            ["SOL"] = new() { LiquidityTier = "Small-Cap" },
        };

    public CollateralParameters Collateral { get; init; } = new();

    public PerpetualParameters Perpetuals { get; init; } = new();

    public PortfolioParameters Portfolio { get; init; } = new();

    public LiquidationParameters Liquidation { get; init; } = new();

    /// <summary>Every broken parameter, as <c>MarginBridge:Margin:Portfolio:SpotSteps: must be odd …</c>; empty when valid.</summary>
    public IReadOnlyList<MarginError> Validate() => MarginParametersValidator.Validate(this);
}

public sealed record UnderlyingParameters
{
    /// <summary>The name of one of <see cref="PerpetualParameters.Tiers"/>.</summary>
    public string LiquidityTier { get; init; } = "Large-Cap";
}
