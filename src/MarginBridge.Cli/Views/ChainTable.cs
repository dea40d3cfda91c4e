using MarginBridge.Abstractions.Chains;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class ChainTable
{
    public static IRenderable Render(IEnumerable<ChainStatus> chains)
    {
        var table = new Table().Title("[bold]Chains[/]").RoundedBorder()
            .AddColumns("Chain", "Kind", "Head", "Scanned", "Final", "Lag", "Pending", "RPC", "Last reorg");
        var problems = new List<string>();
        foreach (var c in chains)
        {
            var reorg = c.LastReorg is { } r
                ? $"{(r.DeeperThanFinality ? "[red]DEEP[/] " : string.Empty)}{r.Depth} blk @{r.CommonAncestor}"
                : "[grey]none[/]";
            var up = c.Endpoints.Count(e => e.Circuit != "Open");
            var rpc = $"{(up == c.Endpoints.Count ? "[green]" : up == 0 ? "[red]" : "[yellow]")}{up}/{c.Endpoints.Count} up[/]";
            table.AddRow(
                $"{(c.Healthy ? "[green]●[/]" : "[red]●[/]")} {Markup.Escape(c.Name)} [grey]{c.ChainId}[/]",
                c.Kind.ToString(),
                c.Head.ToString(),
                c.ScannedHeight.ToString(),
                c.HardFinalHeight < 0 ? "[grey]-[/]" : c.HardFinalHeight.ToString(),
                c.FinalityLag.ToString(),
                c.PendingDeposits.ToString(),
                rpc,
                reorg);
            if (!c.Healthy)
            {
                problems.Add($"[red]{Markup.Escape(c.Name)}[/]: {Markup.Escape(c.LastError ?? "unhealthy")}");
            }

            problems.AddRange(c.Endpoints.Where(e => e.LastError is not null && e.LastFailureAt > DateTimeOffset.UtcNow.AddMinutes(-5))
                .Select(e => $"[yellow]{Markup.Escape(c.Name)} {Markup.Escape(e.Endpoint)}[/] failed at {e.LastFailureAt:HH:mm:ss}: {Markup.Escape(e.LastError!)}"));
        }

        return problems.Count == 0 ? table : new Rows([table, .. problems.Select(p => new Markup(p))]);
    }
}
