namespace MarginBridge.Chains.Configuration;

/// <summary>The index of accounts per asset that a price move re-margins (<c>MarginBridge:Exposure</c>).</summary>
public sealed class ExposureOptions
{
    /// <summary>Shards per asset: each is one grain re-margining its accounts on its own thread, so a price move runs on every core of the cluster.</summary>
    public int ShardsPerAsset { get; set; } = 16;
}
