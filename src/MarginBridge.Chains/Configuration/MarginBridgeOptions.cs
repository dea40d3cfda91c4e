namespace MarginBridge.Chains.Configuration;

/// <summary>The <c>MarginBridge</c> configuration section.</summary>
public sealed class MarginBridgeOptions
{
    public const string Section = "MarginBridge";

    public RelayerOptions Relayer { get; set; } = new();

    public PipelineOptions Pipeline { get; set; } = new();

    public CommitteeOptions Committee { get; set; } = new();

    public List<ChainOptions> Chains { get; set; } = [];

    public ChainOptions? FindChain(long chainId) => Chains.Find(c => c.ChainId == chainId);
}
