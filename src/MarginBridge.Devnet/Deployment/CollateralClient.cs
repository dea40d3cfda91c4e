using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Processes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Devnet.Deployment;

/// <summary>What a market maker does on a devnet chain: get test tokens and deposit them into the vault.</summary>
public sealed class CollateralClient(AnvilNode node, DevAccount account, string token, string vault)
{
    public async Task<TransactionReceipt> MintAndDepositAsync(BigInteger amount)
    {
        await MintAndApproveAsync(amount);
        return await DepositAsync(amount);
    }

    /// <summary>Mints test tokens to the account and lets the vault take them.</summary>
    public async Task MintAndApproveAsync(BigInteger amount)
    {
        var web3 = node.Web3For(account);
        await Send(web3.Eth.GetContractTransactionHandler<MintFunction>().SendRequestAndWaitForReceiptAsync(token, new MintFunction { To = account.Address, Amount = amount }));
        await Send(web3.Eth.GetContractTransactionHandler<ApproveFunction>().SendRequestAndWaitForReceiptAsync(token, new ApproveFunction { Spender = vault, Amount = amount }));
    }

    public Task<TransactionReceipt> DepositAsync(BigInteger amount) =>
        Send(node.Web3For(account).Eth.GetContractTransactionHandler<DepositFunction>().SendRequestAndWaitForReceiptAsync(vault, new DepositFunction { Token = token, Amount = amount }));

    private static async Task<TransactionReceipt> Send(Task<TransactionReceipt> transaction)
    {
        var receipt = await transaction;
        return receipt.Failed() ? throw new InvalidOperationException($"transaction {receipt.TransactionHash} reverted") : receipt;
    }
}
