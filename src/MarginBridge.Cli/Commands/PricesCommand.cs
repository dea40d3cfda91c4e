using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary><c>mb prices</c>: every asset's oracle price, round and age, and whether it is stale or jumped.</summary>
public sealed class PricesCommand : AsyncCommand<ApiSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApiSettings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(PriceTable.Render(await api.GetPricesAsync(cancellationToken)));
        return 0;
    }
}
