using System.Numerics;
using Azure.Data.Tables;
using MarginBridge.Chains.Configuration;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nethereum.Signer;
using Orleans.Configuration;
using DevnetRunner = MarginBridge.Devnet.Devnet;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>
/// A devnet for tests: Azurite, the four chains of orleans-config/devnet.json (one block per
/// transaction, tests mine and move chain time themselves), silos as real processes on free
/// loopback ports. The zk chain is reached only through two fault proxies, so tests can break
/// its endpoints. Everything is stopped when the fixture is disposed.
/// </summary>
public class DevnetFixture : IAsyncLifetime
{
    private readonly List<FaultProxy> _proxies = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<FaultProxy>> _memberProxies = new();
    private IHost? _client;

    public DevnetRunner Devnet { get; private set; } = null!;

    public BridgeApi Api { get; private set; } = null!;

    public IReadOnlyList<FaultProxy> ZkProxies => _proxies;

    /// <summary>The two zk endpoints of committee member 1 or 2 (member 3 reaches zk directly).</summary>
    public IReadOnlyList<FaultProxy> MemberZkProxies(int member) => _memberProxies[member];

    protected virtual int SiloCount => 1;

    /// <summary>Whether the chains mine at the profile's block times instead of once per transaction.</summary>
    protected virtual bool UseBlockTimes => false;

    /// <summary>A subclass's own settings, applied after the common test settings.</summary>
    protected virtual void AdjustProfile(DevnetProfile profile)
    {
    }

    public DevnetChain Hub => Devnet.Chain("hub");

    public DevnetChain Optimistic => Devnet.Chain("optimistic");

    public DevnetChain Zk => Devnet.Chain("zk");

    public DevnetChain AppChain => Devnet.Chain("appchain");

    /// <summary>A withdrawn cancellation waits out the void attested so far: 30 s of the destination's time here, not 10 minutes.</summary>
    public const int VoidLifetimeSeconds = 30;

    public async Task InitializeAsync()
    {
        var profile = DevnetProfile.Load(RepositoryLayout.ProfilePath("devnet"));
        profile.MarginBridge.Relayer.PollIntervalMilliseconds = 200;
        profile.MarginBridge.Relayer.RpcTimeoutMilliseconds = 1_000;
        profile.MarginBridge.Relayer.EndpointBreakSeconds = 2;
        profile.MarginBridge.Breakers.UnreachableSeconds = 2;
        profile.MarginBridge.Breakers.ProbeSeconds = 5;
        profile.MarginBridge.Breakers.NegativeEquityHaltBlocks = 1;
        profile.MarginBridge.Breakers.EndpointAgreementSeconds = 1;
        profile.MarginBridge.Breakers.OutflowLimits["USDC"] = new OutflowLimitOptions { Capacity = 100_000_000, PerSecond = 10_000_000 };
        profile.MarginBridge.Breakers.LargeTransfers["USDC"] = new LargeTransferOptions { Threshold = 700_000, DelaySeconds = 3 };

        // The vaults' own outflow buckets hold 10,000,000 USDC a day per chain, so the large transfers of
        // several tests (600,000–750,000 from one chain) do not use up each other's; the contract tests prove the limit itself.
        profile.Devnet.OutflowCapacity = 10_000_000;

        profile.MarginBridge.Pipeline.VoidLifetimeSeconds = VoidLifetimeSeconds;

        // The zk chain's insurance fund starts empty: a deficit there is auto-deleveraged.
        profile.Devnet.InsuranceFundOverrides["zk"] = 0;
        AdjustProfile(profile);
        var data = Path.Combine(Path.GetTempPath(), "marginbridge-tests", Guid.NewGuid().ToString("N"));
        Devnet = await DevnetRunner.StartAsync(
            new DevnetOptions
            {
                DataDirectory = data,
                Profile = profile,
                SiloCount = SiloCount,
                UseBlockTimes = UseBlockTimes,
                AdjustChain = (chain, node) =>
                {
                    if (chain.Name == "zk")
                    {
                        _proxies.Add(FaultProxy.OnFreePort(node.RpcUrl));
                        _proxies.Add(FaultProxy.OnFreePort(node.RpcUrl));
                        chain.RpcUrls = [.. _proxies.Select(p => p.Url)];
                    }
                },
                AdjustSignerEndpoints = (member, chain, urls) =>
                {
                    if (chain.Options.Name != "zk" || member > 2)
                    {
                        return urls;
                    }

                    var proxies = _memberProxies.GetOrAdd(member, _ => [.. urls.Select(FaultProxy.OnFreePort)]);
                    return [.. proxies.Select(p => p.Url)];
                },
            },
            new Progress<string>(),
            CancellationToken.None);
        Api = new BridgeApi(Devnet.Silos[0].HttpUrl);
    }

    /// <summary>Talks to <paramref name="silo"/> from now on (after a test replaced the silo it talked to).</summary>
    public void UseSilo(SiloNode silo)
    {
        Api.Dispose();
        Api = new BridgeApi(silo.HttpUrl);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        if (Devnet is not null)
        {
            await Devnet.DisposeAsync();
            if (Environment.GetEnvironmentVariable("MB_KEEP_TEST_DATA") is null)
            {
                TryDelete(Devnet.DataDirectory);
            }
        }

        foreach (var proxy in _proxies.Concat(_memberProxies.Values.SelectMany(p => p)))
        {
            await proxy.DisposeAsync();
        }
    }

    /// <summary>A fresh account with gas on every chain, so tests never share balances.</summary>
    public async Task<DevAccount> NewAccountAsync()
    {
        var key = EthECKey.GenerateKey();
        var account = new DevAccount(key.GetPublicAddress(), key.GetPrivateKey());
        foreach (var chain in Devnet.Chains)
        {
            await chain.Node.RpcAsync<object>("anvil_setBalance", account.Address, "0x3635C9ADC5DEA00000");
        }

        return account;
    }

    public static CollateralClient Collateral(DevnetChain chain, DevAccount account) =>
        new(chain.Node, account, chain.Contracts.Token, chain.Contracts.Vault);

    public static async Task<BigInteger> DepositAsync(DevnetChain chain, DevAccount account, BigInteger amount)
    {
        await Collateral(chain, account).MintAndDepositAsync(amount);
        return amount;
    }

    /// <summary>A view call of the chain's vault, read from the chain itself.</summary>
    public static Task<TOutput> QueryVaultAsync<TFunction, TOutput>(DevnetChain chain, TFunction function)
        where TFunction : Nethereum.Contracts.FunctionMessage, new() =>
        chain.Node.Web3For(chain.Node.Accounts[0]).Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOutput>(chain.Contracts.Vault, function);

    /// <summary>The account's balance of the chain's collateral token in its vault.</summary>
    public static Task<BigInteger> VaultBalanceAsync(DevnetChain chain, string account) =>
        QueryVaultAsync<Chains.Contracts.VaultBalanceOfFunction, BigInteger>(chain, new Chains.Contracts.VaultBalanceOfFunction { Account = account, Token = chain.Contracts.Token });

    public static Task MineAsync(DevnetChain chain, int blocks) =>
        chain.Node.RpcAsync<object>("anvil_mine", $"0x{blocks:x}");

    /// <summary>Moves the chain's clock forward and mines a block carrying the new time.</summary>
    public static async Task AdvanceChainTimeAsync(DevnetChain chain, int seconds)
    {
        await chain.Node.RpcAsync<object>("evm_increaseTime", seconds);
        await chain.Node.RpcAsync<object>("evm_mine");
    }

    /// <summary>An Orleans client of the cluster, for calling grains directly.</summary>
    public async Task<IClusterClient> ClusterClientAsync()
    {
        if (_client is null)
        {
            var tables = new TableServiceClient(Devnet.Azurite.ConnectionString);
            var cluster = DevnetProfile.Load(Devnet.ConfigPath).Silo;
            _client = Host.CreateDefaultBuilder()
                .UseOrleansClient(client => client
                    .UseAzureStorageClustering(o => o.TableServiceClient = tables)
                    .Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = cluster.ClusterId;
                        o.ServiceId = cluster.ServiceId;
                    }))
                .Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DevnetCollection : ICollectionFixture<DevnetFixture>
{
    public const string Name = "devnet";
}
