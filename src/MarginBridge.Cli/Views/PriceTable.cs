using MarginBridge.Silo.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class PriceTable
{
    public static IRenderable Render(IEnumerable<PriceResponse> prices)
    {
        var table = new Table().Title("[bold]Prices[/] (USD, on-chain feeds)").RoundedBorder()
            .AddColumns("Asset", "Price", "Round", "Updated", "State");
        foreach (var p in prices)
        {
            var state = p.LastError is { } error ? $"[red]unreadable: {Markup.Escape(error)}[/]"
                : p.Stale is { } stale ? $"[red]stale: {Markup.Escape(stale)}[/]"
                : p.Jump is { } jump ? $"[yellow]jumped {jump.Percent} % in {jump.Seconds} s (round {jump.FromRound} → {jump.ToRound})[/]"
                : "[green]ok[/]";
            table.AddRow(Markup.Escape(p.Asset), p.Usd, p.Round.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{p.UpdatedAt:HH:mm:ss}", state);
        }

        return table;
    }
}
