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

        var footer = new Markup($"[grey]Pending: soft-final, not withdrawable yet. Final: hard-final on its chain. {account.Deposits} deposits credited, {account.RevokedDeposits} revoked by reorgs.[/]");
        return new Rows(balances, totals, footer);
    }
}
