using System.ComponentModel;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Moves;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb move --from optimistic --to appchain --token USDC --amount 1500</c>: signs an EIP-712 move
/// request with the account's key and hands it to the bridge, which starts it on the source vault.
/// </summary>
public sealed class MoveCommand : AsyncCommand<MoveCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandOption("--from <CHAIN>")]
        [Description("Source chain: its name or chain id.")]
        public string From { get; init; } = string.Empty;

        [CommandOption("--to <CHAIN>")]
        [Description("Destination chain: its name or chain id.")]
        public string To { get; init; } = string.Empty;

        [CommandOption("--token <ASSET>")]
        [Description("Collateral asset (e.g. USDC) or token address on the source chain.")]
        public string Token { get; init; } = string.Empty;

        [CommandOption("--amount <AMOUNT>")]
        [Description("Whole tokens, e.g. 1500 or 0.25 (exact: no more decimals than the token has).")]
        public string Amount { get; init; } = string.Empty;

        [CommandOption("--recipient <ADDRESS>")]
        [Description("Who is credited on the destination. Default: the signing account.")]
        public string? Recipient { get; init; }

        [CommandOption("--valid-for <SECONDS>")]
        [Description("Seconds until the request expires. Default: 3600.")]
        public int ValidFor { get; init; } = 3_600;

        public override ValidationResult Validate() =>
            From.Length == 0 ? ValidationResult.Error("--from: a source chain is required")
            : To.Length == 0 ? ValidationResult.Error("--to: a destination chain is required")
            : Token.Length == 0 ? ValidationResult.Error("--token: a collateral asset is required")
            : Amount.Length == 0 ? ValidationResult.Error("--amount: an amount is required")
            : ValidFor <= 0 ? ValidationResult.Error("--valid-for: must be a positive number of seconds")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var key = settings.ReadKey();
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        var bridge = await api.GetBridgeAsync(cancellationToken);
        var source = BridgeChoices.Chain(bridge, settings.From, "--from");
        var destination = BridgeChoices.Chain(bridge, settings.To, "--to");
        var (token, amount) = BridgeChoices.TokenAmount(source, settings.Token, settings.Amount);

        var account = key.GetPublicAddress();
        var body = MoveRequests.Sign(
            key, source.ChainId, source.Vault, destination.ChainId, token.Address, amount, settings.Recipient ?? account,
            (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (ulong)DateTimeOffset.UtcNow.AddSeconds(settings.ValidFor).ToUnixTimeSeconds());
        var answer = await api.PostMoveAsync(body, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"move of [bold]{settings.Amount} {token.Asset}[/] from {source.Name} to {destination.Name}: {answer.Status}");
        AnsiConsole.MarkupLineInterpolated($"transaction {answer.TransactionHash}");
        if (answer.Id is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"transfer [bold]{answer.Id}[/] — follow it with: mb transfer {answer.Id}");
        }

        return 0;
    }
}
