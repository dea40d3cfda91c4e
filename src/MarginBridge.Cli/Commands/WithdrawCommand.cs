using System.ComponentModel;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Cli.Api;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb withdraw --chain appchain --token USDC --amount 4000</c>: signs a withdrawal request with
/// the account's key, gets a committee-signed margin clearance from the bridge (only if the account
/// still covers its initial requirement afterwards), and submits <c>withdraw</c> to the vault from
/// the account's own key.
/// </summary>
public sealed class WithdrawCommand : AsyncCommand<WithdrawCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandOption("--chain <CHAIN>")]
        [Description("The chain whose vault pays: its name or chain id.")]
        public string Chain { get; init; } = string.Empty;

        [CommandOption("--token <ASSET>")]
        [Description("Collateral asset (e.g. USDC) or token address on that chain.")]
        public string Token { get; init; } = string.Empty;

        [CommandOption("--amount <AMOUNT>")]
        [Description("Whole tokens, e.g. 4000 or 0.25 (exact: no more decimals than the token has).")]
        public string Amount { get; init; } = string.Empty;

        [CommandOption("--rpc <URL>")]
        [Description("RPC URL of the chain to send withdraw() through. Default: the running devnet's.")]
        public string? Rpc { get; init; }

        public override ValidationResult Validate() =>
            Chain.Length == 0 ? ValidationResult.Error("--chain: a chain is required")
            : Token.Length == 0 ? ValidationResult.Error("--token: a collateral asset is required")
            : Amount.Length == 0 ? ValidationResult.Error("--amount: an amount is required")
            : Rpc is not null && !Uri.TryCreate(Rpc, UriKind.Absolute, out _) ? ValidationResult.Error($"--rpc: '{Rpc}' is not an absolute URL")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var key = settings.ReadKey();
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        var chain = BridgeChoices.Chain(await api.GetBridgeAsync(cancellationToken), settings.Chain, "--chain");
        var (token, amount) = BridgeChoices.TokenAmount(chain, settings.Token, settings.Amount);
        var rpc = settings.Rpc ?? ApiLocation.DevnetRpc(chain.ChainId)
            ?? throw new CliUsageException($"--rpc: give an RPC URL of chain {chain.ChainId} (no running devnet knows it)");

        var now = DateTimeOffset.UtcNow;
        var request = WithdrawalRequestBody.Sign(key, chain.ChainId, chain.Vault, token.Address, amount, (ulong)now.ToUnixTimeMilliseconds(), (ulong)now.AddMinutes(10).ToUnixTimeSeconds());
        var cleared = await api.PostWithdrawalAsync(request, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"cleared by {string.Join(", ", cleared.Signers)}: equity after {cleared.EquityAfter} USD, initial requirement {cleared.InitialRequirement} USD");

        var receipt = await WithdrawalPayout.SendAsync(new Web3(new Account(key, chain.ChainId), rpc), cleared);
        AnsiConsole.MarkupLineInterpolated($"withdrew [bold]{settings.Amount} {token.Asset}[/] from {chain.Name}'s vault in block {receipt.BlockNumber.Value} (tx {receipt.TransactionHash})");
        return 0;
    }
}
