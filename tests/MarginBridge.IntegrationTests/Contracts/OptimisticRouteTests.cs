using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Contracts;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Optimistic mode: a member proposes, the root waits out the challenge window, a watcher can void it.</summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class OptimisticRouteTests(BridgeContractsFixture chains)
{
    private const uint Window = 600;

    private static async Task<(TestBridge Bridge, RouteStruct Route, TransferStruct Transfer, MerkleTree Tree)> ProposedAsync(BridgeContractsFixture chains)
    {
        var bridge = await chains.NewBridgeAsync();
        var route = TestBridge.Route(bridge.A, bridge.B);
        await bridge.B.SendAsync(new ConfigureRouteFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, Optimistic = true, ChallengeWindow = Window });
        await bridge.B.SendAsync(new SetWatcherFunction { Watcher = chains.B.Accounts[4].Address, Allowed = true });
        var transfer = TestBridge.Transfer(bridge.B, 1, chains.B.Accounts[3].Address, 10);
        var leaf = MessageLeaf.Transfer(route, transfer);
        var tree = new MerkleTree([leaf]);
        var proposer = await MemberAccountAsync(bridge, 0);
        var receipt = await bridge.B.SendAsync(new ProposeRootFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = 1, Root = tree.Root, Leaves = [leaf] }, proposer);
        var proposed = Assert.Single(receipt.DecodeAllEvents<RootProposedEvent>()).Event;
        Assert.Equal(leaf, Assert.Single(proposed.Leaves));
        Assert.Equal(1u, proposed.MessageCount);
        return (bridge, route, transfer, tree);
    }

    /// <summary>A committee member's key as a funded account on chain B.</summary>
    private static async Task<Devnet.Processes.DevAccount> MemberAccountAsync(TestBridge bridge, int index)
    {
        var key = bridge.Committee[index];
        var account = new Devnet.Processes.DevAccount(key.GetPublicAddress(), key.GetPrivateKey());
        await bridge.B.Node.RpcAsync<object>("anvil_setBalance", account.Address, "0x3635C9ADC5DEA00000");
        return account;
    }

    private static ExecuteTransferFunction Execute(RouteStruct route, TransferStruct transfer, MerkleTree tree) =>
        new() { Route = route, BatchNumber = 1, Transfer = transfer, Proof = tree.Proof(0) };

    [Fact]
    public async Task ProposedRoot_ExecutesOnlyAfterTheChallengeWindow()
    {
        var (bridge, route, transfer, tree) = await ProposedAsync(chains);
        await Reverts.With<RootNotYetAcceptableError>(() => bridge.B.SendAsync(Execute(route, transfer, tree)));

        await bridge.B.Node.RpcAsync<object>("evm_increaseTime", (int)Window);
        await bridge.B.Node.RpcAsync<object>("evm_mine");
        await bridge.B.SendAsync(Execute(route, transfer, tree));
        Assert.Equal(10, await bridge.B.BalanceAsync(transfer.Recipient));
    }

    [Fact]
    public async Task WatchersChallenge_VoidsTheRoot_AndPausesTheRouteUntilTheAdminResumesIt()
    {
        var (bridge, route, transfer, tree) = await ProposedAsync(chains);
        await bridge.B.SendAsync(new ChallengeFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = 1 }, chains.B.Accounts[4]);
        await bridge.B.Node.RpcAsync<object>("evm_increaseTime", (int)Window);
        await bridge.B.Node.RpcAsync<object>("evm_mine");

        await Reverts.With<RoutePausedError>(() => bridge.B.SendAsync(Execute(route, transfer, tree)));
        var proposer = await MemberAccountAsync(bridge, 1);
        var next = new ProposeRootFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = 2, Root = tree.Root, Leaves = [tree.Root] };
        await Reverts.With<RoutePausedError>(() => bridge.B.SendAsync(next, proposer));

        await bridge.B.SendAsync(new UnpauseRouteFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract });
        await Reverts.With<RootVoidedError>(() => bridge.B.SendAsync(Execute(route, transfer, tree)));
    }

    [Fact]
    public async Task ChallengeByANonWatcher_OrByANonMemberProposal_IsRefused()
    {
        var (bridge, route, _, tree) = await ProposedAsync(chains);
        await Reverts.With<NotWatcherError>(() => bridge.B.SendAsync(new ChallengeFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = 1 }, chains.B.Accounts[2]));
        await Reverts.With<NotCommitteeMemberError>(() => bridge.B.SendAsync(
            new ProposeRootFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = 2, Root = tree.Root, Leaves = [tree.Root] }, chains.B.Accounts[2]));
    }
}
