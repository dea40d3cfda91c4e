using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Cli.Api;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb execute &lt;id&gt;</c>: finishes a transfer without the relayer. Reads the proof from the
/// API and calls <c>executeTransfer</c> on the destination vault from the user's own key; the
/// destination checks the proof against the committee-accepted root itself.
/// </summary>
public sealed class ExecuteCommand : AsyncCommand<ExecuteCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandArgument(0, "<id>")]
        [Description("The transfer's id: its message leaf (0x and 64 hex digits).")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--rpc <URL>")]
        [Description("An RPC endpoint of the destination chain. Default: the running devnet's, from devnet.json.")]
        public string? Rpc { get; init; }

        [CommandOption("--gas-price <GWEI>")]
        [Description("Gas price in gwei (a legacy transaction). Default: the node's EIP-1559 suggestion.")]
        public decimal? GasPrice { get; init; }

        public override ValidationResult Validate() =>
            !TransferId.IsValid(Id) ? ValidationResult.Error($"id: '{Id}' is not a transfer id (0x and 64 hex digits)")
            : GasPrice is <= 0 ? ValidationResult.Error("--gas-price: must be a positive number of gwei")
            : Rpc is not null && !Uri.TryCreate(Rpc, UriKind.Absolute, out _) ? ValidationResult.Error($"--rpc: '{Rpc}' is not an absolute URL")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var key = settings.ReadKey();
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        var proof = await api.GetProofAsync(settings.Id, cancellationToken);
        if (proof.Executed)
        {
            AnsiConsole.MarkupLineInterpolated($"transfer {proof.Id} is already executed on chain {proof.Route.DstChainId}; nothing to do");
            return 0;
        }

        if (!proof.RootAccepted)
        {
            throw new CliUsageException($"the root of batch {proof.BatchNumber} is not accepted on chain {proof.Route.DstChainId} yet (transfer is {proof.Stage}); try again once it is");
        }

        var rpc = settings.Rpc ?? ApiLocation.DevnetRpc(proof.Route.DstChainId)
            ?? throw new CliUsageException($"--rpc: give an RPC URL of chain {proof.Route.DstChainId} (no running devnet knows it)");
        var web3 = new Web3(new Account(key, proof.Route.DstChainId), rpc);
        var call = new ExecuteTransferFunction
        {
            Route = new RouteStruct { SrcChainId = (ulong)proof.Route.SrcChainId, SrcContract = proof.Route.SrcContract, DstChainId = (ulong)proof.Route.DstChainId, DstContract = proof.Route.DstContract },
            BatchNumber = proof.BatchNumber,
            Transfer = new TransferStruct { Nonce = proof.Transfer.Nonce, Expiry = proof.Transfer.Expiry, Token = proof.Transfer.Token, Recipient = proof.Transfer.Recipient, Amount = BigInteger.Parse(proof.Transfer.Amount, CultureInfo.InvariantCulture) },
            Proof = [.. proof.Proof.Select(p => p.HexToByteArray())],
        };
        if (settings.GasPrice is { } gwei)
        {
            call.GasPrice = new HexBigInteger(Web3.Convert.ToWei(gwei, Nethereum.Util.UnitConversion.EthUnit.Gwei));
        }

        var handler = web3.Eth.GetContractTransactionHandler<ExecuteTransferFunction>();
        try
        {
            var estimate = await handler.EstimateGasAsync(proof.DestinationVault, call);
            call.Gas = new HexBigInteger(GasMargin.Over(estimate.Value));
        }
        catch (SmartContractCustomErrorRevertException revert)
        {
            var reason = RevertReasons.Describe(revert);
            if (RevertReasons.NameOf(reason) == "AlreadyExecuted")
            {
                AnsiConsole.MarkupLineInterpolated($"transfer {proof.Id} was executed meanwhile (by someone else); nothing to do");
                return 0;
            }

            throw new CliUsageException($"the destination vault refuses the execution: {reason}");
        }

        var receipt = await handler.SendRequestAndWaitForReceiptAsync(proof.DestinationVault, call);
        if (receipt.Failed())
        {
            throw new CliUsageException($"executeTransfer {receipt.TransactionHash} reverted");
        }

        AnsiConsole.MarkupLineInterpolated($"executed transfer [bold]{proof.Id}[/] on chain {proof.Route.DstChainId} in block {receipt.BlockNumber.Value} (tx {receipt.TransactionHash})");
        return 0;
    }
}
