using MarginBridge.Cli.Api;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary><c>mb transfers &lt;address&gt;</c>: an account's transfers, newest first, with where each one is.</summary>
public sealed class TransfersCommand : AsyncCommand<AddressSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AddressSettings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        var transfers = await api.GetAccountTransfersAsync(settings.Address, cancellationToken);
        var table = new Table().Title($"[bold]Transfers of {Markup.Escape(settings.Address)}[/]").RoundedBorder()
            .AddColumns("Id", "Route", "Amount", "Stage", "Last step");
        foreach (var t in transfers)
        {
            table.AddRow(
                Markup.Escape($"{t.Id[..10]}…"),
                $"{t.SrcChainId} → {t.DstChainId}",
                Markup.Escape(t.Amount),
                t.Stage.ToString(),
                Markup.Escape(t.Steps.Count == 0 ? string.Empty : t.Steps[^1].Detail));
        }

        if (transfers.Length == 0)
        {
            table.AddRow("[grey]no transfers[/]", string.Empty, string.Empty, string.Empty, string.Empty);
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
