using MarginBridge.Abstractions.Breakers;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class BreakerTable
{
    public static IRenderable Render(IEnumerable<BreakerStatus> breakers)
    {
        var table = new Table().Title("[bold]Circuit breakers[/]").RoundedBorder()
            .AddColumns("Scope", "State", "Since", "Why", "Last change");
        foreach (var b in breakers)
        {
            var state = b.State switch
            {
                BreakerState.Open => $"[red]Open[/]{(b.TrippedBy is null ? string.Empty : $" [grey](by {Markup.Escape(b.TrippedBy)})[/]")}",
                BreakerState.HalfOpen => "[yellow]HalfOpen[/]",
                _ => "[green]Closed[/]",
            };
            var last = b.History.Count == 0 ? "[grey]never changed[/]" : Markup.Escape($"{b.History[^1].At:HH:mm:ss} {b.History[^1].From}→{b.History[^1].To} by {b.History[^1].Actor}");
            table.AddRow(Markup.Escape(b.Scope), state, b.Since is { } since ? $"{since:HH:mm:ss}" : "[grey]-[/]", Markup.Escape(b.Reason ?? string.Empty), last);
        }

        return table;
    }
}
