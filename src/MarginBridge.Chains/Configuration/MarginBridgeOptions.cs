namespace MarginBridge.Chains.Configuration;

/// <summary>The <c>MarginBridge</c> configuration section.</summary>
public sealed class MarginBridgeOptions
{
    public const string Section = "MarginBridge";

    public RelayerOptions Relayer { get; set; } = new();

    public PipelineOptions Pipeline { get; set; } = new();

    public CommitteeOptions Committee { get; set; } = new();

    public BreakerOptions Breakers { get; set; } = new();

    public ExposureOptions Exposure { get; set; } = new();

    /// <summary>Who may call the operator endpoints: a name and the SHA-256 (hex) of their bearer token.</summary>
    public List<OperatorOptions> Operators { get; set; } = [];

    public List<ChainOptions> Chains { get; set; } = [];

    /// <summary>One price feed per asset, read by the silo's price oracle grains.</summary>
    public List<PriceFeedOptions> PriceFeeds { get; set; } = [];

    /// <summary>The venue markets positions may be in, each naming its underlying.</summary>
    public List<MarketOptions> Markets { get; set; } = [];

    public ChainOptions? FindChain(long chainId) => Chains.Find(c => c.ChainId == chainId);
}
