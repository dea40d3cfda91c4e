using MarginBridge.Abstractions.Transfers;
using MarginBridge.Cli.Api;

namespace MarginBridge.Cli.Bench;

/// <summary>
/// Where a transfer's time goes, from the steps the silo recorded (its clock) after the source
/// block's timestamp (the chain's): the median of each gap between consecutive lifecycle stages,
/// per source kind, over a sample of the executed transfers.
/// </summary>
public static class StageBreakdown
{
    public const string Header = "| rate | source kind | sampled | block → observed | observed → hard-final | hard-final → batched | batched → attested | attested → root accepted | root accepted → executed |";

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
                var steps = (await api.GetTransferAsync(transfer.Leaf, cancellationToken)).Steps;
                var at = Stages.Select(stage => steps.FirstOrDefault(s => s.Stage == stage)?.At).ToArray();
                if (at.Any(a => a is null))
                {
                    continue;
                }

                gaps[0].Add((at[0]!.Value - DateTimeOffset.FromUnixTimeSeconds(transfer.Timestamp)).TotalSeconds);
                for (var i = 1; i < Stages.Length; i++)
                {
                    gaps[i].Add((at[i]!.Value - at[i - 1]!.Value).TotalSeconds);
                }
            }

            rows.Add(gaps[0].Count == 0
                ? $"| {rate}/s | {group.Key} | 0 | — | — | — | — | — | — |"
                : $"| {rate}/s | {group.Key} | {gaps[0].Count} | {string.Join(" | ", gaps.Select(g => $"{Percentiles.Of(g, 50):0.0} s"))} |");
        }

        return rows;
    }
}
