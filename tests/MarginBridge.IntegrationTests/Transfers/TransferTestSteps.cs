using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>What transfer tests do on the devnet: start a transfer on a source vault, make its block hard-final, watch its stage.</summary>
internal static class TransferTestSteps
{
    public static async Task<(string Id, long Block)> InitiateAsync(DevnetChain source, DevnetChain destination, DevAccount trader, System.Numerics.BigInteger amount)
    {
        var receipt = await BridgeWiring.SendAsync(source.Node.Web3For(trader), source.Contracts.Vault,
            new InitiateTransferFunction { DstChainId = (ulong)destination.Node.ChainId, Token = source.Contracts.Token, Amount = amount, Recipient = trader.Address });
        return (receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event.Leaf.ToHex(prefix: true), (long)receipt.BlockNumber.Value);
    }

    /// <summary>
    /// An amount of which one transfer fits <paramref name="destination"/>'s free liquidity now (whatever
    /// earlier tests left there) and two exceed it by 100,000 USDC: the second waits, short of liquidity.
    /// </summary>
    public static async Task<System.Numerics.BigInteger> HalfOverLiquidityAsync(DevnetChain destination)
    {
        var liquidity = await DevnetFixture.QueryVaultAsync<LiquidityFunction, System.Numerics.BigInteger>(destination, new LiquidityFunction { Token = destination.Contracts.Token });
        return (liquidity / 2) + 50_000_000_000;
    }

    /// <summary>
    /// A new trader sends <see cref="HalfOverLiquidityAsync"/> from each source to <paramref name="destination"/>,
    /// each made hard-final: together they exceed the destination's free liquidity, so one waits. The ids are in source order.
    /// </summary>
    public static async Task<(DevAccount Trader, System.Numerics.BigInteger Amount, IReadOnlyList<string> Ids)> SendOverLiquidityAsync(DevnetFixture devnet, DevnetChain destination, params DevnetChain[] sources)
    {
        var amount = await HalfOverLiquidityAsync(destination);
        var trader = await devnet.NewAccountAsync();
        var ids = new List<string>();
        foreach (var source in sources)
        {
            await DevnetFixture.Collateral(source, trader).MintAndDepositAsync(amount);
            ids.Add((await InitiateAsync(source, destination, trader, amount)).Id);
            await MakeHardFinalAsync(source);
        }

        return (trader, amount, ids);
    }

    /// <summary>Mines blocks or moves chain time until the latest block is hard-final for the chain's layer kind.</summary>
    public static Task MakeHardFinalAsync(DevnetChain chain) => chain.Options.Kind switch
    {
        Abstractions.Chains.LayerKind.L1 => DevnetFixture.MineAsync(chain, chain.Options.Finality.Confirmations),
        Abstractions.Chains.LayerKind.Optimistic => DevnetFixture.AdvanceChainTimeAsync(chain, chain.Options.Finality.ChallengeWindowSeconds + 1),
        Abstractions.Chains.LayerKind.ZkRollup => DevnetFixture.AdvanceChainTimeAsync(chain, chain.Options.Finality.ProofDelaySeconds + 1),
        _ => DevnetFixture.MineAsync(chain, 1),
    };

    /// <summary>Waits for the stage; a timeout reports every route's queue and open batches, so a stuck pipeline explains itself.</summary>
    public static async Task<TransferResponse> AwaitStageAsync(BridgeApi api, string id, TransferStage stage, TimeSpan? timeout = null)
    {
        try
        {
            return await Eventually.Until(
                () => api.FindTransferAsync(id),
                t => t?.Stage == stage,
                $"transfer {id} is {stage}",
                timeout) ?? throw new InvalidOperationException("unreachable");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}{Environment.NewLine}routes: {await api.Http.GetStringAsync("/routes")}", e);
        }
    }
}
