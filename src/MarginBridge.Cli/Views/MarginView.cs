using System.Globalization;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

/// <summary>An account's margin as tables: the totals, the risk per underlying, and a scenario grid coloured by P&amp;L.</summary>
public static class MarginView
{
    /// <summary>The summary, the risk per underlying and, with <paramref name="grid"/>, each grid-margined underlying's scenarios.</summary>
    public static IRenderable Render(SimulationResponse m, bool grid) =>
        new Rows([Summary(m), Underlyings(m), .. grid ? m.Underlyings.Where(u => u.Grid.Count > 0).Select(u => Grid(u, m.Scenarios)) : []]);

    private static Table Summary(SimulationResponse m)
    {
        var health = m.Health is { } h ? h.ToString("0.00", CultureInfo.InvariantCulture) : "∞";
        var state = m.Liquidatable ? "[red]below maintenance: liquidatable[/]"
            : m.MeetsInitial ? "[green]meets initial[/]"
            : "[yellow]below initial: only risk-reducing changes[/]";
        return new Table().Title("[bold]Margin[/]").RoundedBorder().AddColumns("", "USD")
            .AddRow("Collateral value", m.CollateralValue)
            .AddRow("  of it pending (counted)", m.PendingCollateralValue)
            .AddRow("Cash at venues (realized, premiums)", m.Cash)
            .AddRow("Unrealized P&L (perps)", m.UnrealizedPnl)
            .AddRow("Option value", m.OptionValue)
            .AddRow("[bold]Equity[/]", $"[bold]{m.Equity}[/]")
            .AddRow("Initial requirement", m.InitialRequirement)
            .AddRow("Maintenance requirement", m.MaintenanceRequirement)
            .AddRow("Free collateral", m.FreeCollateral)
            .AddRow("Health (equity ÷ MM)", $"{health} {state}");
    }

    private static Table Underlyings(SimulationResponse m)
    {
        var table = new Table().Title("[bold]Per underlying[/]").RoundedBorder()
            .AddColumns("Underlying", "Method", "Net perp", "Offset", "IM", "MM", "Basis", "Contingencies", "Worst scenario", "Delta", "Gamma", "Vega", "Theta");
        foreach (var u in m.Underlyings)
        {
            var worst = u.WorstScenario is { } w ? $"{Describe(m.Scenarios[w])}: −{u.WorstScenarioLoss}" : "[grey]-[/]";
            table.AddRow(
                Markup.Escape(u.Underlying),
                u.Method.ToString(),
                u.NetPerpQuantity,
                u.OffsetPerpQuantity,
                u.InitialRequirement,
                u.MaintenanceRequirement,
                u.BasisCharge,
                u.Contingencies,
                worst,
                Greek(u.Delta),
                Greek(u.Gamma),
                Greek(u.Vega),
                Greek(u.Theta));
        }

        return table;
    }

    /// <summary>Rows: spot moves; columns: vol up, unchanged, down; red for a loss, green for a gain, the worst in bold.</summary>
    private static Table Grid(UnderlyingRiskResponse u, IReadOnlyList<ScenarioResponse> scenarios)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(u.Underlying)}[/]: P&L per scenario (USD, counted share)").RoundedBorder()
            .AddColumns("Spot move", "Vol up", "Vol unchanged", "Vol down");
        foreach (var move in scenarios.Select(s => (s.SpotMovePercent, s.CoveredPercent)).Distinct())
        {
            var cells = new List<string> { $"{move.SpotMovePercent:+0.##;-0.##;0} %{(move.CoveredPercent < 100 ? $" [grey](×{move.CoveredPercent:0.##} %)[/]" : string.Empty)}" };
            foreach (var vol in new[] { VolShock.Up, VolShock.Unchanged, VolShock.Down })
            {
                var index = scenarios.ToList().FindIndex(s => s.SpotMovePercent == move.SpotMovePercent && s.CoveredPercent == move.CoveredPercent && s.Vol == vol);
                cells.Add(index < 0 ? "[grey]-[/]" : Cell(u.Grid[index], index == u.WorstScenario));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Cell(string pnl, bool worst)
    {
        var colour = pnl.StartsWith('-') ? "red" : pnl.Trim('0', '.').Length == 0 ? "grey" : "green";
        return worst ? $"[bold {colour}]{pnl}[/]" : $"[{colour}]{pnl}[/]";
    }

    private static string Describe(ScenarioResponse s) =>
        $"{s.SpotMovePercent:+0.##;-0.##;0} % vol {s.Vol.ToString().ToLowerInvariant()}";

    private static string Greek(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
