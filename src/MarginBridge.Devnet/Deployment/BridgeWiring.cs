using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Processes;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace MarginBridge.Devnet.Deployment;

/// <summary>
/// Wires deployed vaults into one bridge: the same committee on every inbox, a route between every
/// ordered pair (quorum mode), each vault knowing the others and their collateral token, an outflow
/// limit per token, free liquidity to pay inbound transfers, a seeded insurance fund, and every
/// member a funded watcher of optimistic roots. All calls are the vault admin's.
/// </summary>
public static class BridgeWiring
{
    public static async Task WireAsync(IReadOnlyList<WiredChain> chains, IReadOnlyList<string> committee, byte threshold, BridgeLimits limits)
    {
        var members = committee.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        await Task.WhenAll(chains.Select(chain => WireOneAsync(chain, chains, members, threshold, limits)));
    }

    private static async Task WireOneAsync(WiredChain chain, IReadOnlyList<WiredChain> all, List<string> members, byte threshold, BridgeLimits limits)
    {
        var web3 = chain.Node.Web3For(chain.Admin);
        await SendAsync(web3, chain.Vault, new SetCommitteeFunction { Members = members, Threshold = threshold });
        foreach (var member in members)
        {
            // Every member also watches optimistic roots, and pays its own gas to challenge one.
            await SendAsync(web3, chain.Vault, new SetWatcherFunction { Watcher = member, Allowed = true });
            await chain.Node.RpcAsync<object>("anvil_setBalance", member, "0x56BC75E2D63100000");
        }

        // Liquidation instructions: the route from chain 0 (the committee's margin decision) to this vault.
        await SendAsync(web3, chain.Vault, new ConfigureRouteFunction { SrcChainId = MarginBridge.Chains.Liquidations.LiquidationRoute.SourceChainId, SrcContract = chain.Vault });
        await SendAsync(web3, chain.Vault, new SetOutflowLimitFunction { Token = chain.Token, Capacity = limits.OutflowCapacity, PeriodSeconds = limits.OutflowPeriodSeconds });
        foreach (var other in all.Where(o => o.Node.ChainId != chain.Node.ChainId))
        {
            var otherId = (ulong)other.Node.ChainId;
            await SendAsync(web3, chain.Vault, new ConfigureRouteFunction { SrcChainId = otherId, SrcContract = other.Vault });
            await SendAsync(web3, chain.Vault, new SetRemoteVaultFunction { ChainId = otherId, Vault = other.Vault });
            await SendAsync(web3, chain.Vault, new SetRemoteTokenFunction { ChainId = otherId, Token = chain.Token, Remote = other.Token });
        }

        var minted = limits.Liquidity + chain.InsuranceFund;
        if (minted > 0)
        {
            await SendAsync(web3, chain.Token, new MintFunction { To = chain.Admin.Address, Amount = minted });
            await SendAsync(web3, chain.Token, new ApproveFunction { Spender = chain.Vault, Amount = minted });
        }

        if (limits.Liquidity > 0)
        {
            await SendAsync(web3, chain.Vault, new ProvideLiquidityFunction { Token = chain.Token, Amount = limits.Liquidity });
        }

        if (chain.InsuranceFund > 0)
        {
            await SendAsync(web3, chain.Vault, new FundInsuranceFunction { Token = chain.Token, Amount = chain.InsuranceFund });
        }
    }

    /// <summary>
    /// Estimates, then sends with a margin over the estimate: gas can depend on the block a
    /// transaction lands in (the outflow bucket rewrites its timestamp only when a second has
    /// passed), so the exact estimate of one block can run out of gas in the next. A revert in the
    /// estimate surfaces as the contract's custom error.
    /// </summary>
    public static async Task<TransactionReceipt> SendAsync<TMessage>(IWeb3 web3, string contract, TMessage message)
        where TMessage : Nethereum.Contracts.FunctionMessage, new()
    {
        // Nethereum writes the gas, nonce and fees of a send into the message; a message sent again must be estimated anew.
        message.Gas = null;
        message.Nonce = null;
        message.MaxFeePerGas = null;
        message.MaxPriorityFeePerGas = null;
        var handler = web3.Eth.GetContractTransactionHandler<TMessage>();
        var estimate = await handler.EstimateGasAsync(contract, message);
        message.Gas = new HexBigInteger(GasMargin.Over(estimate.Value));
        var receipt = await handler.SendRequestAndWaitForReceiptAsync(contract, message);
        return receipt.Failed() ? throw new InvalidOperationException($"{typeof(TMessage).Name} to {contract} reverted") : receipt;
    }
}

/// <summary>A chain's deployed bridge contracts, its vault admin, and what the admin puts into its insurance fund.</summary>
public sealed record WiredChain(AnvilNode Node, string Vault, string Token, DevAccount Admin, BigInteger InsuranceFund);

/// <param name="OutflowCapacity">Per-token bucket: what may leave at once.</param>
/// <param name="OutflowPeriodSeconds">Time for an empty bucket to refill.</param>
/// <param name="Liquidity">Free liquidity the admin provides on every chain.</param>
public sealed record BridgeLimits(BigInteger OutflowCapacity, ulong OutflowPeriodSeconds, BigInteger Liquidity);
