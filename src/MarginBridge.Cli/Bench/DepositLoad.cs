using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using Nethereum.RPC.NonceServices;
using Nethereum.Signer;

namespace MarginBridge.Cli.Bench;

/// <summary>
/// Puts many <c>depositFor</c> transactions into a chain's mempool with automine off, so that a
/// benchmark can release them all at once with <see cref="MineAllAsync"/>.
/// </summary>
public sealed class DepositLoad(DevnetChain chain, DevAccount funder)
{
    public static IReadOnlyList<string> NewAccounts(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => EthECKey.GenerateKey().GetPublicAddress().ToLowerInvariant())];

    /// <summary>Queues one deposit of <paramref name="amount"/> per entry of <paramref name="beneficiaries"/>; returns the funder's final nonce.</summary>
    public async Task<BigInteger> QueueAsync(IReadOnlyList<string> beneficiaries, BigInteger amount)
    {
        var web3 = chain.Node.Web3For(funder);
        var token = chain.Contracts.Token;
        var vault = chain.Contracts.Vault;
        await web3.Eth.GetContractTransactionHandler<MintFunction>().SendRequestAndWaitForReceiptAsync(token, new MintFunction { To = funder.Address, Amount = amount * beneficiaries.Count });
        await web3.Eth.GetContractTransactionHandler<ApproveFunction>().SendRequestAndWaitForReceiptAsync(token, new ApproveFunction { Spender = vault, Amount = amount * beneficiaries.Count });

        await chain.Node.RpcAsync<object>("evm_setAutomine", false);
        var account = (Nethereum.Web3.Accounts.Account)web3.TransactionManager.Account;
        account.NonceService = new InMemoryNonceService(funder.Address, web3.Client);
        var handler = web3.Eth.GetContractTransactionHandler<DepositForFunction>();
        foreach (var chunk in beneficiaries.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(beneficiary => handler.SendRequestAsync(vault, new DepositForFunction
            {
                Account = beneficiary,
                Token = token,
                Amount = amount,
                Gas = 200_000,
                MaxFeePerGas = 20_000_000_000,
                MaxPriorityFeePerGas = 1_000_000_000,
            })));
        }

        return (await account.NonceService.GetNextNonceAsync()).Value;
    }

    /// <summary>Mines until every queued transaction is in a block, then turns automine back on. Returns the last block.</summary>
    public async Task<long> MineAllAsync(BigInteger nonceAfterLast)
    {
        var web3 = chain.Node.Web3For(funder);
        while ((await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(funder.Address)).Value < nonceAfterLast)
        {
            await chain.Node.RpcAsync<object>("anvil_mine", "0x1");
        }

        await chain.Node.RpcAsync<object>("evm_setAutomine", true);
        return (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
    }
}
