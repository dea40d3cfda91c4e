using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

public sealed class ChainsCommand : AsyncCommand<ApiSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApiSettings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(ChainTable.Render(await api.GetChainsAsync(cancellationToken)));
        return 0;
    }
}
