using MarginBridge.Silo.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class AccountTable
{
    public static IRenderable Render(AccountResponse account)
    {
        var balances = new Table().Title($"[bold]Account {account.Address}[/]").RoundedBorder()
            .AddColumns("Chain", "Asset", "Token", "Pending", "Final");
        foreach (var b in account.Balances)
        {
            balances.AddRow(
                Markup.Escape($"{b.Chain} ({b.ChainId})"),
                Markup.Escape(b.Asset ?? "unlisted"),
                Markup.Escape($"{b.Token[..6]}…{b.Token[^4..]}"),
                $"[yellow]{TokenAmount.Format(b.Pending, b.Decimals)}[/]",
                $"[green]{TokenAmount.Format(b.Final, b.Decimals)}[/]");
        }

        if (account.Balances.Count == 0)
        {
            balances.AddRow("[grey]no deposits yet[/]", string.Empty, string.Empty, string.Empty, string.Empty);
        }

        var totals = new Table().Title("[bold]Totals across chains[/]").RoundedBorder().AddColumns("Asset", "Pending", "Final", "Total");
        foreach (var t in account.Totals)
        {
            totals.AddRow(
                Markup.Escape(t.Asset),
                $"[yellow]{TokenAmount.Format(t.Pending, t.Decimals)}[/]",
                $"[green]{TokenAmount.Format(t.Final, t.Decimals)}[/]",
                $"[bold]{TokenAmount.Format(t.Total, t.Decimals)}[/]");
        }

        var m = account.Margin;
        var margin = new Table().Title("[bold]Margin (USD)[/]").RoundedBorder().AddColumns("Collateral value", "of it pending", "Equity", "IM", "MM", "Free", "Health")
            .AddRow(m.CollateralValue, $"[yellow]{m.PendingCollateralValue}[/]", $"[bold]{m.Equity}[/]", m.InitialRequirement, m.MaintenanceRequirement, m.FreeCollateral, m.Health is { } h ? h.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "∞");
        var notes = m.NotCounted.Select(n => new Markup($"[yellow]not counted:[/] {Markup.Escape(n)}"));
        var footer = new Markup($"[grey]Pending: soft-final, not withdrawable yet, counted at its layer kind's share. Final: hard-final on its chain. {account.Deposits} deposits credited, {account.RevokedDeposits} revoked by reorgs.[/]");
        return new Rows([balances, totals, margin, .. notes, footer]);
    }
}
