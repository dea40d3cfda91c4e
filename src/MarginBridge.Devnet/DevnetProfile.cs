using System.Text.Json;
using System.Text.Json.Serialization;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.Devnet;

/// <summary>
/// A devnet profile (<c>orleans-config/devnet.json</c>): the chains with their kinds, chain ids and
/// finality, and the devnet-only settings (block times, collateral token, demo deposits). RPC URLs
/// and contract addresses are filled in when the devnet starts.
/// </summary>
public sealed class DevnetProfile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public ClusterSection Silo { get; set; } = new();

    public MarginBridgeOptions MarginBridge { get; set; } = new();

    public DevnetSection Devnet { get; set; } = new();

    public static DevnetProfile Load(string path) =>
        JsonSerializer.Deserialize<DevnetProfile>(File.ReadAllText(path), Json)
        ?? throw new InvalidOperationException($"{path} is empty");

    public sealed class ClusterSection
    {
        public string ClusterId { get; set; } = "marginbridge-devnet";

        public string ServiceId { get; set; } = "marginbridge";
    }

    public sealed class DevnetSection
    {
        /// <summary>Seconds between blocks per chain name; a chain not listed mines one block per transaction.</summary>
        public Dictionary<string, int> BlockTimeSeconds { get; set; } = [];

        public CollateralSection Collateral { get; set; } = new();

        /// <summary>Whole-token amounts the demo market maker deposits, per chain name.</summary>
        public Dictionary<string, string> DemoDeposits { get; set; } = [];

        public CommitteeSection Committee { get; set; } = new();

        /// <summary>Whole tokens that may leave each vault per outflow period.</summary>
        public long OutflowCapacity { get; set; } = 1_000_000;

        public ulong OutflowPeriodSeconds { get; set; } = 86_400;

        /// <summary>Whole tokens of free liquidity the admin provides on every chain.</summary>
        public long Liquidity { get; set; } = 1_000_000;

        /// <summary>Whole tokens the admin puts into every chain's insurance fund.</summary>
        public long InsuranceFund { get; set; } = 50_000;

        /// <summary>Per chain name, whole tokens for that chain's insurance fund instead of <see cref="InsuranceFund"/>.</summary>
        public Dictionary<string, long> InsuranceFundOverrides { get; set; } = [];

        /// <summary>Starting USD price per asset; each gets a feed on <see cref="PriceFeedChain"/>.</summary>
        public Dictionary<string, decimal> PriceFeeds { get; set; } = [];

        /// <summary>The chain (name) that hosts the price feeds, as Chainlink's feeds live on the L1.</summary>
        public string PriceFeedChain { get; set; } = "hub";

        /// <summary>Oldest answer (seconds of chain time) the silo trusts on the devnet.</summary>
        public int PriceMaxAgeSeconds { get; set; } = 60;

        public Deployment.BridgeLimits Limits(int decimals)
        {
            var unit = System.Numerics.BigInteger.Pow(10, decimals);
            return new Deployment.BridgeLimits(OutflowCapacity * unit, OutflowPeriodSeconds, Liquidity * unit);
        }

        /// <summary>The chain's insurance fund at start, in base units.</summary>
        public System.Numerics.BigInteger InsuranceFundOf(string chain, int decimals) =>
            InsuranceFundOverrides.GetValueOrDefault(chain, InsuranceFund) * System.Numerics.BigInteger.Pow(10, decimals);
    }

    public sealed class CommitteeSection
    {
        public int Members { get; set; } = 3;

        public byte Threshold { get; set; } = 2;
    }

    public sealed class CollateralSection
    {
        public string Asset { get; set; } = "USDC";

        public string Name { get; set; } = "USD Coin (devnet)";

        public int Decimals { get; set; } = 6;
    }
}
