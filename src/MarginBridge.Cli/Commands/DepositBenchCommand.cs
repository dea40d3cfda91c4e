using System.ComponentModel;
using System.Diagnostics;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Bench;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using Spectre.Console;
using Spectre.Console.Cli;
using DevnetRunner = MarginBridge.Devnet.Devnet;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb bench deposits</c>: measures deposit ingestion (events per second from one chain into persisted
/// account grains) and deposit-to-credit latency on a fresh devnet. Prints a markdown table.
/// </summary>
public sealed class DepositBenchCommand : AsyncCommand<DepositBenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--deposits <N>")]
        [Description("Deposits released at once for the ingestion run.")]
        [DefaultValue(2000)]
        public int Deposits { get; init; } = 2000;

        [CommandOption("--accounts <N>")]
        [Description("Distinct accounts they are spread over (each deposit its own account when equal to --deposits).")]
        [DefaultValue(2000)]
        public int Accounts { get; init; } = 2000;

        [CommandOption("--latency-samples <N>")]
        [Description("Single deposits timed from receipt to credit on the API.")]
        [DefaultValue(30)]
        public int LatencySamples { get; init; } = 30;

        [CommandOption("--chain <NAME>")]
        [Description("Chain of the devnet profile to load.")]
        [DefaultValue("appchain")]
        public string Chain { get; init; } = "appchain";

        public override ValidationResult Validate() =>
            Deposits < 1 ? ValidationResult.Error("--deposits: must be at least 1")
            : Accounts < 1 || Accounts > Deposits ? ValidationResult.Error("--accounts: must be between 1 and --deposits")
            : LatencySamples < 1 ? ValidationResult.Error("--latency-samples: must be at least 1")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var profile = DevnetProfile.Load(RepositoryLayout.ProfilePath("devnet"));
        if (profile.MarginBridge.Chains.All(c => c.Name != settings.Chain))
        {
            throw new CliUsageException($"--chain: '{settings.Chain}' is not in the devnet profile");
        }

        await using var bench = await BenchDevnet.StartAsync(profile, useBlockTimes: false, cancellationToken);
        var devnet = bench.Devnet;
        var chain = devnet.Chain(settings.Chain);
        using var api = new BridgeApiClient(new Uri(devnet.Silos[0].HttpUrl));

        var ingestion = await MeasureIngestionAsync(devnet, chain, api, settings, cancellationToken);
        var latencies = await MeasureLatencyAsync(devnet, chain, api, settings.LatencySamples, profile.MarginBridge.Relayer.PollIntervalMilliseconds, cancellationToken);

        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine($"| scenario | result |");
        AnsiConsole.WriteLine($"|---|---|");
        AnsiConsole.WriteLine($"| ingestion: {settings.Deposits} deposits over {settings.Accounts} accounts, {chain.Options.Name} ({chain.Options.Kind}) | {ingestion.TotalSeconds:0.00} s, {settings.Deposits / ingestion.TotalSeconds:0} deposits/s |");
        AnsiConsole.WriteLine($"| latency: receipt → credited on the API, {settings.LatencySamples} samples, poll every {profile.MarginBridge.Relayer.PollIntervalMilliseconds} ms | p50 {Percentiles.Of(latencies, 50):0} ms, p95 {Percentiles.Of(latencies, 95):0} ms, max {latencies.Max():0} ms |");
        return 0;
    }

    private static async Task<TimeSpan> MeasureIngestionAsync(DevnetRunner devnet, DevnetChain chain, BridgeApiClient api, Settings settings, CancellationToken cancellationToken)
    {
        var accounts = DepositLoad.NewAccounts(settings.Accounts);
        var beneficiaries = Enumerable.Range(0, settings.Deposits).Select(i => accounts[i % accounts.Count]).ToList();
        var load = new DepositLoad(chain, devnet.Deployer);
        AnsiConsole.MarkupLineInterpolated($"[grey]•[/] queueing {settings.Deposits} deposits on {chain.Options.Name}");
        var nonce = await load.QueueAsync(beneficiaries, 1_000_000);

        var clock = Stopwatch.StartNew();
        var lastBlock = await load.MineAllAsync(nonce);
        while (true)
        {
            var status = (await api.GetChainsAsync(cancellationToken)).Single(c => c.ChainId == chain.Options.ChainId);
            if (status.ScannedHeight >= lastBlock && status.Healthy)
            {
                break;
            }

            await Task.Delay(20, cancellationToken);
        }

        var elapsed = clock.Elapsed;
        AnsiConsole.MarkupLineInterpolated($"[grey]•[/] ingested in {elapsed.TotalSeconds:0.00} s; checking every account on the API");
        var expected = beneficiaries.GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (account, count) in expected)
        {
            var view = await api.GetAccountAsync(account, false, cancellationToken);
            if (view.Deposits != count)
            {
                throw new InvalidOperationException($"account {account} shows {view.Deposits} deposits, expected {count}");
            }
        }

        return elapsed;
    }

    private static async Task<List<double>> MeasureLatencyAsync(DevnetRunner devnet, DevnetChain chain, BridgeApiClient api, int samples, int pollInterval, CancellationToken cancellationToken)
    {
        var maker = devnet.MarketMaker;
        var collateral = new MarginBridge.Devnet.Deployment.CollateralClient(chain.Node, maker, chain.Contracts.Token, chain.Contracts.Vault);
        await collateral.MintAndApproveAsync(samples);
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            // A random phase against the relayer's poll timer, so the samples are not all in step with it.
            await Task.Delay(Random.Shared.Next(pollInterval), cancellationToken);
            await collateral.DepositAsync(1);
            var clock = Stopwatch.StartNew();
            while ((await api.GetAccountAsync(maker.Address, false, cancellationToken)).Deposits <= i)
            {
                await Task.Delay(5, cancellationToken);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return latencies;
    }
}
