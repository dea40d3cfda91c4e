using System.Security.Cryptography;
using System.Text.Json;
using MarginBridge.Chains.Configuration;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.Devnet;

/// <summary>
/// The local devnet: Azurite, one anvil per configured chain with the contracts deployed, and N
/// silos in one cluster. Disposing it stops every process it started.
/// </summary>
public sealed class Devnet : IAsyncDisposable
{
    private readonly DevnetOptions _options;
    private readonly List<SiloNode> _silos = [];
    private readonly List<SignerNode> _signers = [];

    private Devnet(DevnetOptions options, AzuriteNode azurite, IReadOnlyList<DevnetChain> chains, DevnetCommittee committee)
    {
        _options = options;
        Azurite = azurite;
        Chains = chains;
        Committee = committee;
    }

    /// <summary>The relayer committee generated for this devnet (keys in the data folder only).</summary>
    public DevnetCommittee Committee { get; }

    /// <summary>One feed per asset of the profile, with its feeder (the deployer).</summary>
    public IReadOnlyList<DevnetPriceFeed> PriceFeeds { get; private init; } = [];

    /// <summary>The venue markets the members margin (as the silo's configuration lists them).</summary>
    private IReadOnlyList<MarketOptions> Markets { get; init; } = [];

    /// <summary>The feeds as configured, for the members' own price reads.</summary>
    private IReadOnlyList<PriceFeedOptions> FeedOptions { get; init; } = [];

    public DevnetPriceFeed PriceFeed(string asset) =>
        PriceFeeds.FirstOrDefault(f => f.Asset == asset) ?? throw new ArgumentException($"no price feed for '{asset}'; the devnet has {string.Join(", ", PriceFeeds.Select(f => f.Asset))}", nameof(asset));

    public AzuriteNode Azurite { get; }

    public IReadOnlyList<DevnetChain> Chains { get; }

    public IReadOnlyList<SiloNode> Silos => _silos;

    /// <summary>The committee members' processes, one per key.</summary>
    public IReadOnlyList<SignerNode> Signers => _signers;

    public string DataDirectory => _options.DataDirectory;

    public string ConfigPath => Path.Combine(DataDirectory, "silo-config.json");

    public string ManifestPath => Path.Combine(DataDirectory, "devnet.json");

    /// <summary>Deploys the contracts; the chains' owner.</summary>
    public DevAccount Deployer => Chains[0].Node.Accounts[0];

    /// <summary>The demo market maker.</summary>
    public DevAccount MarketMaker => Chains[0].Node.Accounts[1];

    /// <summary>Pays the silo's gas for roots and executions on every chain (its key file is in the data folder only).</summary>
    public DevAccount Submitter => Chains[0].Node.Accounts[9];

    public DevnetChain Chain(string name) => Chains.Single(c => c.Options.Name == name);

    public static async Task<Devnet> StartAsync(DevnetOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        progress.Report("Installing pinned tools (anvil, Azurite, solc) if missing");
        await RepositoryLayout.EnsureToolsAsync(cancellationToken);

        progress.Report("Starting Azurite (Azure Table storage)");
        var azurite = await AzuriteNode.StartAsync(options.DataDirectory, cancellationToken);
        var nodes = new List<AnvilNode>();
        Devnet? devnet = null;
        try
        {
            var profile = options.Profile;
            var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
            if (!options.UseBlockTimes)
            {
                // Chains that mine only when a transaction comes never advance on their own: a still head is no fault here.
                profile.MarginBridge.Breakers.StalledHeadSeconds = 0;
            }

            progress.Report($"Starting {profile.MarginBridge.Chains.Count} anvil chains");
            await StartAllAsync(profile.MarginBridge.Chains.Select(c => AnvilNode.StartAsync(c.ChainId, null, seed, options.DataDirectory, cancellationToken)), nodes);

            progress.Report("Deploying the collateral token and MarginVault on every chain");
            var deployments = await Task.WhenAll(nodes.Select(n => ChainDeployer.DeployAsync(n, n.Accounts[0], n.Accounts[5], profile.Devnet.Collateral)));
            var chains = new List<DevnetChain>();
            for (var i = 0; i < nodes.Count; i++)
            {
                var chain = profile.MarginBridge.Chains[i];
                chain.RpcUrls = [nodes[i].RpcUrl];
                chain.Vault = deployments[i].Vault;
                chain.StartBlock = deployments[i].VaultBlock;
                chain.Tokens = [new TokenOptions { Asset = profile.Devnet.Collateral.Asset, Address = deployments[i].Token, Decimals = profile.Devnet.Collateral.Decimals }];
                chain.Venues = [deployments[i].Venue];
                options.AdjustChain?.Invoke(chain, nodes[i]);
                int? blockTime = options.UseBlockTimes && profile.Devnet.BlockTimeSeconds.TryGetValue(chain.Name, out var seconds) ? seconds : null;
                chains.Add(new DevnetChain(chain, nodes[i], deployments[i], blockTime));
            }

            progress.Report("Wiring the bridge: committee, routes between every pair of chains, outflow limits, liquidity, insurance funds");
            var committee = await DevnetCommittee.CreateAsync(options.DataDirectory, profile.Devnet.Committee);
            await BridgeWiring.WireAsync(
                [.. chains.Select(c => new WiredChain(c.Node, c.Contracts.Vault, c.Contracts.Token, c.Node.Accounts[0], profile.Devnet.InsuranceFundOf(c.Options.Name, profile.Devnet.Collateral.Decimals)))],
                committee.Members,
                committee.Threshold,
                profile.Devnet.Limits(profile.Devnet.Collateral.Decimals));

            var feedChain = chains.Find(c => c.Options.Name == profile.Devnet.PriceFeedChain) ?? throw new InvalidOperationException($"Devnet:PriceFeedChain: no chain is named '{profile.Devnet.PriceFeedChain}'");
            progress.Report($"Deploying price feeds on {feedChain.Options.Name}: {string.Join(", ", profile.Devnet.PriceFeeds.Keys)}");
            var feeds = new List<DevnetPriceFeed>();
            foreach (var (asset, usd) in profile.Devnet.PriceFeeds)
            {
                feeds.Add(await DevnetPriceFeed.DeployAsync(feedChain.Node, feedChain.Node.Accounts[0], asset, usd));
            }

            // Set up at one block per transaction, then the chains take their block times.
            foreach (var chain in chains.Where(c => c.BlockTimeSeconds is not null))
            {
                await chain.Node.RpcAsync<object>("evm_setIntervalMining", chain.BlockTimeSeconds!.Value);
            }

            profile.MarginBridge.PriceFeeds = [.. feeds.Select(f => new PriceFeedOptions { Asset = f.Asset, ChainId = feedChain.Options.ChainId, Feed = f.Address, Decimals = DevnetPriceFeed.Decimals, MaxAgeSeconds = profile.Devnet.PriceMaxAgeSeconds })];
            devnet = new Devnet(options, azurite, chains, committee) { PriceFeeds = feeds, Markets = profile.MarginBridge.Markets, FeedOptions = profile.MarginBridge.PriceFeeds };
            progress.Report($"Starting {committee.KeyFiles.Count} committee members (mb signer), each with its own key and endpoints");
            await StartAllAsync(committee.KeyFiles.Select((file, i) => devnet.StartSignerAsync(file, i + 1, cancellationToken)), devnet._signers);

            profile.MarginBridge.Committee = new CommitteeOptions
            {
                Threshold = committee.Threshold,
                Members = [.. committee.Members.Zip(devnet._signers, (address, signer) => new CommitteeMemberOptions { Address = address, Url = signer.HttpUrl })],
            };
            profile.MarginBridge.Pipeline.SubmitterKeyFile = await devnet.WriteSubmitterKeyAsync(cancellationToken);
            profile.MarginBridge.Breakers.GuardianKeyFile = await devnet.WriteGuardianKeyAsync(cancellationToken);
            profile.MarginBridge.Operators = [new OperatorOptions { Name = "devnet-operator", TokenSha256 = await devnet.WriteOperatorTokenAsync(cancellationToken) }];
            await File.WriteAllTextAsync(devnet.ConfigPath, JsonSerializer.Serialize(new { profile.Silo, profile.MarginBridge }, DevnetProfile.Json), cancellationToken);
            for (var i = 0; i < options.SiloCount; i++)
            {
                progress.Report($"Starting silo {i + 1} of {options.SiloCount}");
                await devnet.StartSiloAsync(cancellationToken);
            }

            await DevnetManifest.WriteAsync(devnet, cancellationToken);
            return devnet;
        }
        catch
        {
            // Stop whatever did start: once the devnet exists it owns every process.
            if (devnet is not null)
            {
                await devnet.DisposeAsync();
            }
            else
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }

                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Starts processes in parallel; those that started are in <paramref name="started"/> even when another failed.</summary>
    private static async Task StartAllAsync<T>(IEnumerable<Task<T>> starts, List<T> started)
    {
        var tasks = starts.ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        finally
        {
            started.AddRange(tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }

    /// <summary>
    /// Starts member <paramref name="index"/> with its own configuration: its key file and, per chain,
    /// two endpoint URLs (on the devnet both reach the chain's one anvil node; in production they
    /// must be independent providers).
    /// </summary>
    private async Task<SignerNode> StartSignerAsync(string keyFile, int index, CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var config = Path.Combine(DataDirectory, "committee", $"member-{index}.signer.json");
        static IReadOnlyList<string> Defaults(DevnetChain chain) => [chain.Node.RpcUrl, $"http://localhost:{chain.Node.Port}"];
        var chains = Chains.Select(c => new
        {
            c.Options.Name,
            c.Options.Kind,
            c.Options.ChainId,
            RpcUrls = _options.AdjustSignerEndpoints?.Invoke(index, c, Defaults(c)) ?? Defaults(c),
            c.Options.Vault,
            c.Options.StartBlock,
            c.Options.Finality,
            c.Options.Tokens,
            c.Options.Venues,
        });
        var bridge = new { Chains = chains, Markets, PriceFeeds = FeedOptions };
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Signer = new { KeyFile = keyFile, HttpUrl = url }, MarginBridge = bridge }, DevnetProfile.Json), cancellationToken);
        return await SignerNode.StartAsync(config, url, Path.Combine(DataDirectory, "logs", $"signer-{index}.log"), cancellationToken);
    }

    /// <summary>The bearer token of the devnet's operator (its SHA-256 is in the silo configuration; the token only here).</summary>
    public string OperatorToken => File.ReadAllText(OperatorTokenPath);

    public string OperatorTokenPath => Path.Combine(DataDirectory, "operator.token");

    private async Task<string> WriteSubmitterKeyAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(DataDirectory, "submitter.key");
        await SecretFiles.WriteAsync(file, Submitter.PrivateKey, cancellationToken);
        return file;
    }

    /// <summary>The vaults' guardian (test account 5 on every chain): the silo may pause with it, never unpause.</summary>
    private async Task<string> WriteGuardianKeyAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(DataDirectory, "guardian.key");
        await SecretFiles.WriteAsync(file, Chains[0].Node.Accounts[5].PrivateKey, cancellationToken);
        return file;
    }

    /// <summary>A fresh random token in the data folder; returns its SHA-256 for the configuration.</summary>
    private async Task<string> WriteOperatorTokenAsync(CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await SecretFiles.WriteAsync(OperatorTokenPath, token, cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
    }


    /// <summary>Starts member <paramref name="index"/> (0-based) again with its key, configuration and URL, after a test killed it.</summary>
    public async Task RestartSignerAsync(int index, CancellationToken cancellationToken)
    {
        var old = _signers[index];
        await old.DisposeAsync();
        _signers[index] = await SignerNode.StartAsync(old.ConfigPath, old.HttpUrl, old.LogPath, cancellationToken);
    }

    public async Task<SiloNode> StartSiloAsync(CancellationToken cancellationToken)
    {
        var silo = await SiloNode.StartAsync(new SiloLaunch(_options.SiloAssemblyPath, ConfigPath, Azurite.ConnectionString, DataDirectory), cancellationToken);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// Starts a silo in place of one that was killed, on the same silo port: Orleans then declares
    /// the dead one's membership entry dead at once instead of waiting for missed probes.
    /// </summary>
    public async Task<SiloNode> ReplaceSiloAsync(SiloNode dead, CancellationToken cancellationToken)
    {
        await RemoveSiloAsync(dead);
        var silo = await SiloNode.StartAsync(new SiloLaunch(_options.SiloAssemblyPath, ConfigPath, Azurite.ConnectionString, DataDirectory, dead.SiloPort), cancellationToken);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Forgets a silo that a test killed or stopped.</summary>
    public async Task RemoveSiloAsync(SiloNode silo)
    {
        _silos.Remove(silo);
        await silo.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_silos.Select(s => s.StopAsync()));
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        foreach (var signer in _signers)
        {
            await signer.DisposeAsync();
        }

        foreach (var chain in Chains)
        {
            await chain.Node.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }
}
