using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

public sealed class AccountCommand : AsyncCommand<AddressSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AddressSettings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(AccountTable.Render(await api.GetAccountAsync(settings.Address, cancellationToken)));
        return 0;
    }
}
