using MarginBridge.Abstractions.Chains;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class ChainTable
{
    public static IRenderable Render(IEnumerable<ChainStatus> chains)
    {
        var table = new Table().Title("[bold]Chains[/]").RoundedBorder()
            .AddColumns("Chain", "Kind", "Id", "Head", "Scanned", "Hard-final", "Lag", "Pending deposits", "Health", "Last reorg", "RPC endpoints");
        foreach (var c in chains)
        {
            var reorg = c.LastReorg is { } r
                ? $"{(r.DeeperThanFinality ? "[red]DEEP[/] " : string.Empty)}depth {r.Depth} at {r.CommonAncestor} ({r.DetectedAt:HH:mm:ss})"
                : "[grey]none[/]";
            table.AddRow(
                Markup.Escape(c.Name),
                c.Kind.ToString(),
                c.ChainId.ToString(),
                c.Head.ToString(),
                c.ScannedHeight.ToString(),
                c.HardFinalHeight.ToString(),
                c.FinalityLag.ToString(),
                c.PendingDeposits.ToString(),
                c.Healthy ? "[green]healthy[/]" : $"[red]unhealthy[/] {Markup.Escape(c.LastError ?? string.Empty)}",
                reorg,
                Markup.Escape(string.Join(", ", c.Endpoints.Select(e => $"{e.Endpoint} {e.Circuit}"))));
        }

        return table;
    }
}
