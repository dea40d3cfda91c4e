using System.ComponentModel;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

public sealed class AccountCommand : AsyncCommand<AccountCommand.Settings>
{
    public sealed class Settings : AddressSettings
    {
        [CommandOption("--grid")]
        [Description("Also draw each option underlying's scenario grid, coloured by P&L.")]
        public bool Grid { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(AccountTable.Render(await api.GetAccountAsync(settings.Address, settings.Grid, cancellationToken), settings.Grid));
        return 0;
    }
}
