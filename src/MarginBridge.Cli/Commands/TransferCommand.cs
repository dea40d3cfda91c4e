using System.ComponentModel;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

public sealed class TransferCommand : AsyncCommand<TransferCommand.Settings>
{
    public sealed class Settings : ApiSettings
    {
        [CommandArgument(0, "<id>")]
        [Description("The transfer's id: its message leaf (0x and 64 hex digits), as in the TransferInitiated event.")]
        public string Id { get; init; } = string.Empty;

        public override ValidationResult Validate() =>
            TransferId.IsValid(Id)
                ? ValidationResult.Success()
                : ValidationResult.Error($"id: '{Id}' is not a transfer id (0x and 64 hex digits)");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(TransferTable.Render(await api.GetTransferAsync(settings.Id, cancellationToken)));
        return 0;
    }
}
