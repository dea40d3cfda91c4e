using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Bench;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using Spectre.Console;
using Spectre.Console.Cli;
using DevnetRunner = MarginBridge.Devnet.Devnet;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb bench transfers</c>: on a fresh devnet with the profile's real block times, sends transfers
/// over every ordered pair of chains at each rate and measures, from the chains' own block
/// timestamps, source event → destination execution against the floor (source hard finality plus
/// one destination block), the batch sizes the pipeline forms and the gas it spends per transfer.
/// </summary>
public sealed class TransferBenchCommand : AsyncCommand<TransferBenchCommand.Settings>
{
    private const int SampledPerKind = 100;
    private const int SlowestPerKind = 5;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--rates <LIST>")]
        [Description("Transfers per second to run, comma-separated.")]
        [DefaultValue("1,10,100")]
        public string Rates { get; init; } = "1,10,100";

        [CommandOption("--seconds <N>")]
        [Description("How long each rate is sent for.")]
        [DefaultValue(30)]
        public int Seconds { get; init; } = 30;

        [CommandOption("--senders <N>")]
        [Description("Funded accounts the load is spread over.")]
        [DefaultValue(24)]
        public int Senders { get; init; } = 24;

        public IReadOnlyList<double> ParsedRates => [.. Rates.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))];

        public override ValidationResult Validate() =>
            !Rates.Split(',').All(r => double.TryParse(r, CultureInfo.InvariantCulture, out var v) && v > 0) ? ValidationResult.Error("--rates: a comma-separated list of positive numbers")
            : Seconds < 1 ? ValidationResult.Error("--seconds: must be at least 1")
            : Senders < 1 ? ValidationResult.Error("--senders: must be at least 1")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var profile = DevnetProfile.Load(RepositoryLayout.ProfilePath("devnet"));
        await using var bench = await BenchDevnet.StartAsync(profile, useBlockTimes: true, cancellationToken);
        var devnet = bench.Devnet;
        var unit = BigInteger.Pow(10, profile.Devnet.Collateral.Decimals);
        AnsiConsole.MarkupLineInterpolated($"[grey]•[/] funding {settings.Senders} senders on every chain");
        var load = await TransferLoad.PrepareAsync(devnet.Chains, devnet.Deployer, settings.Senders, 100_000 * unit);
        var watcher = new ExecutionWatcher(devnet.Chains);
        await watcher.PollAsync();

        var rows = new List<string>();
        var stages = new List<string>();
        var slowest = new List<string>();
        var unexecuted = new List<string>();
        using var api = new BridgeApiClient(new Uri(devnet.Silos[0].HttpUrl));
        foreach (var rate in settings.ParsedRates)
        {
            var count = Math.Max(TransferLoad.RouteCount(devnet.Chains.Count), (int)(rate * settings.Seconds));
            AnsiConsole.MarkupLineInterpolated($"[grey]•[/] {rate}/s: sending {count} transfers");
            var rootsBefore = watcher.RootTransactions.ToHashSet();
            var sent = await load.RunAsync(rate, count, unit, cancellationToken);
            var initiated = await load.ReceiptsAsync(sent, watcher);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
            while (initiated.Any(t => !watcher.Executions.ContainsKey(t.Leaf)) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
                await watcher.PollAsync();
            }

            rows.AddRange(await SummarizeAsync(devnet, watcher, initiated, rootsBefore, rate, count / load.Elapsed.TotalSeconds));
            IReadOnlyList<InitiatedTransfer> executed = [.. initiated.Where(t => watcher.Executions.ContainsKey(t.Leaf))];
            stages.AddRange(await StageBreakdown.RowsAsync(api, executed, rate, SampledPerKind, cancellationToken));
            slowest.AddRange(await StageBreakdown.SlowestRowsAsync(api, executed, t => Ratio(t, watcher), rate, SlowestPerKind, cancellationToken));
            foreach (var transfer in initiated.Where(t => !watcher.Executions.ContainsKey(t.Leaf)).Take(SlowestPerKind))
            {
                var seen = await api.FindTransferAsync(transfer.Leaf, cancellationToken);
                var where = seen is null ? "not seen by the silo" : $"{seen.Stage}: {seen.HeldReason ?? seen.Steps[^1].Detail}";
                unexecuted.Add($"| {rate}/s | {transfer.Source.Options.Name} → {transfer.Destination.Options.Name} | {transfer.Leaf} | {where} |");
            }
        }

        WriteTable(null, "| rate (sent) | source kind | executed | latency p50 / p99 | floor p50 | latency ÷ floor p50 / p99 | batch size mean | gas per transfer all-in |", rows);
        WriteTable($"Where the time goes: median seconds between stages, from the silo's steps, {SampledPerKind} executed transfers per source kind and rate", StageBreakdown.Header, stages);
        if (unexecuted.Count > 0)
        {
            WriteTable($"Not executed within 120 s of the load (at most {SlowestPerKind} per rate), as the silo shows them", "| rate | route | transfer | stage |", unexecuted);
        }

        WriteTable($"The slowest transfers, where a p99 comes from: the {SlowestPerKind} with the highest latency ÷ floor per source kind and rate, seconds between stages", StageBreakdown.SlowestHeader, slowest);
        return 0;
    }

    private static async Task<IEnumerable<string>> SummarizeAsync(DevnetRunner devnet, ExecutionWatcher watcher, IReadOnlyList<InitiatedTransfer> initiated, HashSet<(long, string)> rootsBefore, double rate, double achieved)
    {
        var executed = initiated.Where(t => watcher.Executions.ContainsKey(t.Leaf)).ToList();
        var transactions = executed.Select(t => (t.Destination.Options.ChainId, watcher.Executions[t.Leaf].Transaction))
            .Concat(watcher.RootTransactions.Except(rootsBefore)).Distinct().ToList();
        BigInteger gas = 0;
        foreach (var (chainId, hash) in transactions)
        {
            var chain = devnet.Chains.Single(c => c.Options.ChainId == chainId);
            gas += (await chain.Node.Web3For(chain.Node.Accounts[0]).Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash)).GasUsed.Value;
        }

        var gasPerTransfer = executed.Count == 0 ? "—" : (gas / executed.Count).ToString("N0", CultureInfo.InvariantCulture);
        var batchMean = executed.Count == 0 ? 0 : executed.Average(t => watcher.Executions[t.Leaf].BatchSize);
        return initiated.GroupBy(t => t.Source.Options.Kind).OrderBy(g => g.Key).Select(group =>
        {
            var done = group.Where(t => watcher.Executions.ContainsKey(t.Leaf)).ToList();
            var latencies = done.Select(t => (double)(watcher.Executions[t.Leaf].Timestamp - t.Timestamp)).ToList();
            var floors = done.Select(Floor).ToList();
            var ratios = done.Select(t => Ratio(t, watcher)).ToList();
            return done.Count == 0
                ? $"| {rate}/s ({achieved:0.#}/s) | {group.Key} | 0 of {group.Count()} | — | — | — | — | — |"
                : $"| {rate}/s ({achieved:0.#}/s) | {group.Key} | {done.Count} of {group.Count()} | {Percentiles.Of(latencies, 50):0.#} s / {Percentiles.Of(latencies, 99):0.#} s | {Percentiles.Of(floors, 50):0.#} s | {Percentiles.Of(ratios, 50):0.00} / {Percentiles.Of(ratios, 99):0.00} | {batchMean:0.#} | {gasPerTransfer} |";
        });
    }

    /// <summary>A Markdown table, after a blank line and its caption.</summary>
    private static void WriteTable(string? caption, string header, IEnumerable<string> rows)
    {
        AnsiConsole.WriteLine();
        if (caption is not null)
        {
            AnsiConsole.WriteLine(caption);
        }

        AnsiConsole.WriteLine(header);
        AnsiConsole.WriteLine(string.Concat(Enumerable.Repeat("|---", header.Count(c => c == '|') - 1)) + "|");
        foreach (var row in rows)
        {
            AnsiConsole.WriteLine(row);
        }
    }

    private static double Ratio(InitiatedTransfer t, ExecutionWatcher watcher) => (watcher.Executions[t.Leaf].Timestamp - t.Timestamp) / Floor(t);

    /// <summary>
    /// Source hard finality for its layer kind plus one destination block, in seconds. Finality that is
    /// a delay (a challenge window, a proof delay) is told by the source chain's own clock, which moves
    /// one block at a time: the first block at or past the delay is the earliest that shows it, for the
    /// relayer and every member alike (a 10 s proof delay on 3 s blocks: 12 s).
    /// </summary>
    private static double Floor(InitiatedTransfer t)
    {
        var source = t.Source.Options;
        var block = t.Source.BlockTimeSeconds ?? 0;
        var finality = source.Kind switch
        {
            LayerKind.L1 => (source.Finality.Confirmations - 1) * block,
            LayerKind.Optimistic => InBlocks(source.Finality.ChallengeWindowSeconds, block),
            LayerKind.ZkRollup => InBlocks(source.Finality.ProofDelaySeconds, block),
            _ => 0,
        };
        return finality + (t.Destination.BlockTimeSeconds ?? 1);
    }

    private static int InBlocks(int delaySeconds, int blockSeconds) =>
        blockSeconds == 0 ? delaySeconds : (delaySeconds + blockSeconds - 1) / blockSeconds * blockSeconds;
}
