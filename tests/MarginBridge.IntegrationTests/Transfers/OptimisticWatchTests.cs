using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Contracts;
using MarginBridge.IntegrationTests.Infrastructure;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>
/// Optimistic routes on the devnet (a route switched to optimistic mode for the test): the silo has
/// a member (`mb signer`) propose the root and executes after the challenge window; and when a
/// member turned rogue proposes roots itself, the others prove every published leaf on the source
/// chain and challenge the bad root.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class OptimisticWatchTests(DevnetFixture devnet)
{
    private const uint Window = 120;

    [Fact]
    public async Task RootWithALeafTheSourceNeverSent_IsChallengedByTheWatchingMembers_ASoundRootIsLeftAlone()
    {
        var (source, destination) = (devnet.Zk, devnet.AppChain);
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(source, trader, 20_000);
        var real = (await TransferTestSteps.InitiateAsync(source, destination, trader, 5_000)).Id;
        await TransferTestSteps.MakeHardFinalAsync(source);
        await TransferTestSteps.AwaitStageAsync(devnet.Api, real, TransferStage.Executed, TimeSpan.FromSeconds(90));

        var admin = destination.Node.Web3For(devnet.Devnet.Deployer);
        var srcChainId = (ulong)source.Options.ChainId;
        await BridgeWiring.SendAsync(admin, destination.Contracts.Vault, new ConfigureRouteFunction { SrcChainId = srcChainId, SrcContract = source.Contracts.Vault, Optimistic = true, ChallengeWindow = Window });
        try
        {
            var rogue = await RogueMemberAsync(destination);
            var realLeaf = real.HexToByteArray();
            var madeUp = Nethereum.Util.Sha3Keccack.Current.CalculateHash("a message zk never sent"u8.ToArray());
            await ProposeAsync(destination, rogue, srcChainId, source.Contracts.Vault, 900_003, [realLeaf]);
            await ProposeAsync(destination, rogue, srcChainId, source.Contracts.Vault, 900_004, [realLeaf, madeUp]);

            var bad = await Eventually.Until(() => BatchAsync(destination, srcChainId, source.Contracts.Vault, 900_004), b => b.Voided, "a watching member challenges the root with the made-up leaf", TimeSpan.FromSeconds(60));
            Assert.True(bad.Voided);
            Assert.False((await BatchAsync(destination, srcChainId, source.Contracts.Vault, 900_003)).Voided);
            await Reverts.With<RoutePausedError>(() => BridgeWiring.SendAsync(
                rogue, destination.Contracts.Vault, new ProposeRootFunction { SrcChainId = srcChainId, SrcContract = source.Contracts.Vault, BatchNumber = 900_005, Root = realLeaf, Leaves = [realLeaf] }));
        }
        finally
        {
            // Back to quorum mode, which also lifts the pause the challenge put on the route.
            await BridgeWiring.SendAsync(admin, destination.Contracts.Vault, new ConfigureRouteFunction { SrcChainId = srcChainId, SrcContract = source.Contracts.Vault });
        }
    }

    /// <summary>Committee member 1's key, used by the test as if that member had turned rogue.</summary>
    [Fact]
    public async Task TransferOnAnOptimisticRoute_IsProposedByAMember_AndExecutedOnlyOnceItsChallengeWindowHasPassed()
    {
        var (source, destination) = (devnet.AppChain, devnet.Optimistic);
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(source, trader, 20_000);
        var admin = destination.Node.Web3For(devnet.Devnet.Deployer);
        var srcChainId = (ulong)source.Options.ChainId;
        const uint window = 30;
        await BridgeWiring.SendAsync(admin, destination.Contracts.Vault, new ConfigureRouteFunction { SrcChainId = srcChainId, SrcContract = source.Contracts.Vault, Optimistic = true, ChallengeWindow = window });
        try
        {
            var id = (await TransferTestSteps.InitiateAsync(source, destination, trader, 6_000)).Id;
            var waiting = await Eventually.Until(
                () => devnet.Api.FindTransferAsync(id),
                t => t?.HeldReason?.Contains("in its challenge window", StringComparison.Ordinal) == true,
                "the proposed root waits out its challenge window");
            var proposed = Assert.Single(waiting!.Steps, s => s.Stage == TransferStage.RootAttested);
            Assert.Contains("proposed on the destination by member", proposed.Detail, StringComparison.Ordinal);
            var batch = await BatchAsync(destination, srcChainId, source.Contracts.Vault, waiting.BatchNumber!.Value);
            Assert.False(batch.Voided);

            // Chain time passes on the destination (blocks come); then the root is accepted and executed.
            await DevnetFixture.AdvanceChainTimeAsync(destination, (int)window + 1);
            var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Executed, TimeSpan.FromSeconds(60));
            var block = await destination.Node.Web3For(trader).Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(
                new Nethereum.RPC.Eth.DTOs.BlockParameter((ulong)executed.Steps.Single(s => s.Stage == TransferStage.Executed).Block!.Value));
            Assert.True((ulong)block.Timestamp.Value >= batch.AcceptableAt);
            var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
            Assert.Equal(1, ledger.Executions[id]);
        }
        finally
        {
            await BridgeWiring.SendAsync(admin, destination.Contracts.Vault, new ConfigureRouteFunction { SrcChainId = srcChainId, SrcContract = source.Contracts.Vault });
        }
    }

    private async Task<Nethereum.Web3.Web3> RogueMemberAsync(DevnetChain chain)
    {
        var key = new EthECKey((await File.ReadAllTextAsync(devnet.Devnet.Committee.KeyFiles[0])).Trim());
        return chain.Node.Web3For(new DevAccount(key.GetPublicAddress(), key.GetPrivateKey()));
    }

    private static Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> ProposeAsync(DevnetChain destination, Nethereum.Web3.Web3 rogue, ulong srcChainId, string srcVault, ulong batchNumber, byte[][] leaves) =>
        BridgeWiring.SendAsync(rogue, destination.Contracts.Vault, new ProposeRootFunction
        {
            SrcChainId = srcChainId,
            SrcContract = srcVault,
            BatchNumber = batchNumber,
            Root = new MerkleTree(leaves).Root,
            Leaves = [.. leaves],
        });

    private static Task<BatchOutput> BatchAsync(DevnetChain destination, ulong srcChainId, string srcVault, ulong batchNumber) =>
        destination.Node.Web3For(destination.Node.Accounts[0]).Eth.GetContractQueryHandler<BatchesFunction>()
            .QueryDeserializingToObjectAsync<BatchOutput>(new BatchesFunction { RouteKey = MessageLeaf.RouteKey(srcChainId, srcVault), BatchNumber = batchNumber }, destination.Contracts.Vault);
}
