using System.ComponentModel;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Moves;
using MarginBridge.Cli.Views;
using MarginBridge.Silo.Api;
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
        var source = FindChain(bridge, settings.From, "--from");
        var destination = FindChain(bridge, settings.To, "--to");
        var token = source.Tokens.FirstOrDefault(t => string.Equals(t.Asset, settings.Token, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Address, settings.Token, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"--token: '{settings.Token}' is not listed on {source.Name}; listed: {string.Join(", ", source.Tokens.Select(t => t.Asset))}");
        System.Numerics.BigInteger amount;
        try
        {
            amount = TokenAmount.Parse(settings.Amount, token.Decimals);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--amount: {e.Message}");
        }

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

    private static BridgeChain FindChain(BridgeResponse bridge, string nameOrId, string option) =>
        bridge.Chains.FirstOrDefault(c => string.Equals(c.Name, nameOrId, StringComparison.OrdinalIgnoreCase) || c.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture) == nameOrId)
        ?? throw new CliUsageException($"{option}: '{nameOrId}' is not a chain of this bridge; chains: {string.Join(", ", bridge.Chains.Select(c => c.Name))}");
}
