using MarginBridge.Abstractions.Transfers;
using MarginBridge.Cli.Api;

namespace MarginBridge.Cli.Bench;

/// <summary>
/// Where a transfer's time goes, from the steps the silo recorded (its clock) after the source
/// block's timestamp (the chain's): the median of each gap between consecutive lifecycle stages,
/// per source kind, over a sample of the executed transfers; and the same gaps for each of the
/// slowest transfers, which is where a p99 comes from.
/// </summary>
public static class StageBreakdown
{
    public const string Gaps = "block → observed | observed → hard-final | hard-final → batched | batched → attested | attested → root accepted | root accepted → executed";

    public const string Header = $"| rate | source kind | sampled | {Gaps} |";

    public const string SlowestHeader = $"| rate | source kind | destination | latency ÷ floor | {Gaps} |";

    private static readonly TransferStage[] Stages =
        [TransferStage.Observed, TransferStage.SourceHardFinal, TransferStage.Batched, TransferStage.RootAttested, TransferStage.RootAccepted, TransferStage.Executed];

    public static async Task<IEnumerable<string>> RowsAsync(BridgeApiClient api, IReadOnlyList<InitiatedTransfer> executed, double rate, int samplePerKind, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        foreach (var group in executed.GroupBy(t => t.Source.Options.Kind).OrderBy(g => g.Key))
        {
            var all = group.ToList();
            var sample = all.Where((_, i) => i % Math.Max(1, all.Count / samplePerKind) == 0).Take(samplePerKind).ToList();
            var gaps = Stages.Select(_ => new List<double>()).ToArray();
            foreach (var transfer in sample)
            {
                if (await GapsOfAsync(api, transfer, cancellationToken) is not { } measured)
                {
                    continue;
                }

                for (var i = 0; i < Stages.Length; i++)
                {
                    gaps[i].Add(measured[i]);
                }
            }

            rows.Add(gaps[0].Count == 0
                ? $"| {rate}/s | {group.Key} | 0 | — | — | — | — | — | — |"
                : $"| {rate}/s | {group.Key} | {gaps[0].Count} | {string.Join(" | ", gaps.Select(g => $"{Percentiles.Of(g, 50):0.0} s"))} |");
        }

        return rows;
    }

    /// <summary>One row for each of the <paramref name="perKind"/> executed transfers of every source kind with the highest latency ÷ floor.</summary>
    public static async Task<IEnumerable<string>> SlowestRowsAsync(BridgeApiClient api, IReadOnlyList<InitiatedTransfer> executed, Func<InitiatedTransfer, double> ratio, double rate, int perKind, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        foreach (var group in executed.GroupBy(t => t.Source.Options.Kind).OrderBy(g => g.Key))
        {
            foreach (var transfer in group.OrderByDescending(ratio).Take(perKind))
            {
                var measured = await GapsOfAsync(api, transfer, cancellationToken);
                var gaps = measured is null ? string.Join(" | ", Stages.Select(_ => "—")) : string.Join(" | ", measured.Select(g => $"{g:0.0} s"));
                rows.Add($"| {rate}/s | {group.Key} | {transfer.Destination.Options.Name} | {ratio(transfer):0.00} | {gaps} |");
            }
        }

        return rows;
    }

    private static async Task<double[]?> GapsOfAsync(BridgeApiClient api, InitiatedTransfer transfer, CancellationToken cancellationToken)
    {
        var steps = (await api.GetTransferAsync(transfer.Leaf, cancellationToken)).Steps;
        var at = Stages.Select(stage => steps.FirstOrDefault(s => s.Stage == stage)?.At).ToArray();
        if (at.Any(a => a is null))
        {
            return null;
        }

        var gaps = new double[Stages.Length];
        gaps[0] = (at[0]!.Value - DateTimeOffset.FromUnixTimeSeconds(transfer.Timestamp)).TotalSeconds;
        for (var i = 1; i < Stages.Length; i++)
        {
            gaps[i] = (at[i]!.Value - at[i - 1]!.Value).TotalSeconds;
        }

        return gaps;
    }
}
