using System.ComponentModel;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

public sealed class AccountCommand : AsyncCommand<AccountCommand.Settings>
{
    public sealed class Settings : ApiSettings
    {
        [CommandArgument(0, "<address>")]
        [Description("The account's 0x address.")]
        public string Address { get; init; } = string.Empty;

        public override ValidationResult Validate() => EvmAddress.TryNormalize(Address, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"address: '{Address}' is not a 0x-prefixed 20-byte hex address");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        AnsiConsole.Write(AccountTable.Render(await api.GetAccountAsync(settings.Address, cancellationToken)));
        return 0;
    }
}
