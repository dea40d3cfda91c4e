using MarginBridge.Chains.Contracts;
using MarginBridge.Silo.Api;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace MarginBridge.Cli.Commands;

/// <summary>Sends a cleared withdrawal to its vault: gas estimated with a margin; a refusal names the vault's error.</summary>
public static class WithdrawalPayout
{
    public static async Task<TransactionReceipt> SendAsync(IWeb3 web3, WithdrawalResponse cleared)
    {
        ArgumentNullException.ThrowIfNull(web3);
        ArgumentNullException.ThrowIfNull(cleared);
        var handler = web3.Eth.GetContractTransactionHandler<WithdrawFunction>();
        var call = cleared.ToWithdrawCall();
        try
        {
            call.Gas = new HexBigInteger(GasMargin.Over((await handler.EstimateGasAsync(cleared.Vault, call)).Value));
        }
        catch (SmartContractCustomErrorRevertException revert)
        {
            throw new CliUsageException($"the vault refuses the withdrawal: {RevertReasons.Describe(revert)}");
        }

        var receipt = await handler.SendRequestAndWaitForReceiptAsync(cleared.Vault, call);
        return receipt.Status?.Value == 1 ? receipt : throw new CliUsageException($"withdraw {receipt.TransactionHash} reverted");
    }
}
