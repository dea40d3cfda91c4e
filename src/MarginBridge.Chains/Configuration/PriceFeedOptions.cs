namespace MarginBridge.Chains.Configuration;

/// <summary>
/// One asset's on-chain price feed (Chainlink's AggregatorV3 interface) and when its price is not to
/// be trusted: older than <see cref="MaxAgeSeconds"/> in the feed chain's time, or moving more than
/// <see cref="JumpPercent"/> within <see cref="JumpWindowSeconds"/>.
/// </summary>
public sealed class PriceFeedOptions
{
    /// <summary>The asset's symbol, e.g. ETH; the price is in USD.</summary>
    public string Asset { get; set; } = string.Empty;

    /// <summary>A configured chain that hosts the feed.</summary>
    public long ChainId { get; set; }

    public string Feed { get; set; } = string.Empty;

    /// <summary>The feed's decimals; the margin method takes USD × 1e8, Chainlink's USD scale.</summary>
    public int Decimals { get; set; } = 8;

    /// <summary>Chainlink's ETH/USD heartbeat is one hour.</summary>
    public int MaxAgeSeconds { get; set; } = 3_600;

    public int JumpPercent { get; set; } = 10;

    public int JumpWindowSeconds { get; set; } = 60;
}
