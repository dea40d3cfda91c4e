using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary><c>mb breakers</c>: every circuit breaker with its state, reason, active triggers and last change.</summary>
public sealed class BreakersCommand : AsyncCommand<ApiSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApiSettings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(BreakerTable.Render(await api.GetBreakersAsync(cancellationToken)));
        return 0;
    }
}
