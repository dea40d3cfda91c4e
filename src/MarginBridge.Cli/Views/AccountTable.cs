using MarginBridge.Silo.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class AccountTable
{
    public static IRenderable Render(AccountResponse account, bool grid)
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

        var positions = new Table().Title("[bold]Positions[/]").RoundedBorder()
            .AddColumns("Chain", "Venue", "Market", "Instrument", "Size", "Entry", "Strike", "Expiry", "Realized (USD)");
        foreach (var p in account.Positions)
        {
            positions.AddRow(
                Markup.Escape(p.Chain),
                Markup.Escape($"{p.Venue[..6]}…{p.Venue[^4..]}"),
                Markup.Escape(p.Market),
                p.Instrument.ToString(),
                TokenAmount.Format(p.Size, 18),
                TokenAmount.Format(p.EntryPrice, 18),
                p.Strike == "0" ? "-" : TokenAmount.Format(p.Strike, 18),
                p.Expiry == 0 ? "-" : DateTimeOffset.FromUnixTimeSeconds(p.Expiry).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                TokenAmount.Format(p.RealizedPnl, 18));
        }

        IRenderable margin = account.Margin is { } m
            ? MarginView.Render(m, grid)
            : new Markup("[red]Margin not evaluated: an underlying has no usable price.[/]");
        var flag = account.Flag is { } f
            ? new Markup($"[bold]Status[/] (exposure index, {f.DecidedAt:HH:mm:ss}): {Colour(f.Status)} — equity {TokenAmount.Format(f.Equity.ToString(System.Globalization.CultureInfo.InvariantCulture), 6)}, IM {TokenAmount.Format(f.InitialRequirement.ToString(System.Globalization.CultureInfo.InvariantCulture), 6)}, MM {TokenAmount.Format(f.MaintenanceRequirement.ToString(System.Globalization.CultureInfo.InvariantCulture), 6)} USD{(f.Reason is null ? string.Empty : $" ({Markup.Escape(f.Reason)})")}")
            : new Markup("[grey]Status: exposed to no priced asset[/]");
        var notes = account.Unpriced.Select(n => new Markup($"[red]unpriced:[/] {Markup.Escape(n)}"))
            .Concat(account.NotCounted.Select(n => new Markup($"[yellow]not counted:[/] {Markup.Escape(n)}")));
        var footer = new Markup($"[grey]Pending: soft-final, not withdrawable yet, counted at its layer kind's share. Final: hard-final on its chain. {account.Deposits} deposits credited, {account.RevokedDeposits} revoked by reorgs.[/]");
        return new Rows([balances, totals, .. account.Positions.Count > 0 ? [positions] : Array.Empty<IRenderable>(), margin, flag, .. notes, footer]);
    }

    private static string Colour(Abstractions.Margin.MarginStatus status) => status switch
    {
        Abstractions.Margin.MarginStatus.Healthy => "[green]Healthy[/]",
        Abstractions.Margin.MarginStatus.BelowInitial => "[yellow]BelowInitial[/]",
        Abstractions.Margin.MarginStatus.Undecided => "[grey]Undecided[/]",
        _ => $"[red]{status}[/]",
    };
}
