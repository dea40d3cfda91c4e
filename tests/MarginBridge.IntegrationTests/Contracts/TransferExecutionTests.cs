using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Contracts;

[Collection(BridgeContractsCollection.Name)]
public sealed class TransferExecutionTests(BridgeContractsFixture chains)
{
    [Fact]
    public async Task InitiatedTransfer_StoresTheLeafThatCSharpComputes_AndMovesTheBalanceIntoLiquidity()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[1];
        await bridge.A.DepositAsync(trader, 1_000);
        var liquidityBefore = await bridge.A.LiquidityAsync();

        var receipt = await bridge.A.SendAsync(new InitiateTransferFunction { DstChainId = (ulong)chains.B.ChainId, Token = bridge.A.Token, Amount = 400, Recipient = trader.Address }, trader);
        var initiated = receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event;

        var expected = MessageLeaf.Transfer(TestBridge.Route(bridge.A, bridge.B), TestBridge.Transfer(bridge.B, initiated.Nonce, trader.Address, 400));
        Assert.Equal(expected.ToHex(), initiated.Leaf.ToHex());
        Assert.True(await bridge.A.QueryAsync<SentMessagesFunction, bool>(new SentMessagesFunction { Leaf = expected }));
        Assert.Equal(600, await bridge.A.BalanceAsync(trader.Address));
        Assert.Equal(liquidityBefore + 400, await bridge.A.LiquidityAsync());
    }

    [Fact]
    public async Task TransferUnderAQuorumRoot_ExecutesOnce_CreditingTheRecipientFromLiquidity()
    {
        var bridge = await chains.NewBridgeAsync();
        var recipient = EthECKey.GenerateKey().GetPublicAddress();
        var transfers = Enumerable.Range(1, 3).Select(n => TestBridge.Transfer(bridge.B, (ulong)n, recipient, 100 * n)).ToList();
        var (tree, _, route) = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, transfers);

        await bridge.B.SendAsync(new ExecuteTransferFunction { Route = route, BatchNumber = 1, Transfer = transfers[1], Proof = tree.Proof(1) });
        Assert.Equal(200, await bridge.B.BalanceAsync(recipient));
        Assert.Equal(TestBridge.Liquidity - 200, await bridge.B.LiquidityAsync());

        var replay = await Reverts.With<AlreadyExecutedError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = route, BatchNumber = 1, Transfer = transfers[1], Proof = tree.Proof(1) }));
        Assert.Equal(2UL, replay.MessageNonce);
    }

    [Fact]
    public async Task MessagePutIntoASecondRoot_StillCannotRunTwice()
    {
        var bridge = await chains.NewBridgeAsync();
        var transfer = TestBridge.Transfer(bridge.B, 7, EthECKey.GenerateKey().GetPublicAddress(), 5);
        var first = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [transfer]);
        var second = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 2, [transfer, TestBridge.Transfer(bridge.B, 8, chains.B.Accounts[2].Address, 1)]);
        await bridge.B.SendAsync(new ExecuteTransferFunction { Route = first.Route, BatchNumber = 1, Transfer = transfer, Proof = first.Tree.Proof(0) });

        await Reverts.With<AlreadyExecutedError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = second.Route, BatchNumber = 2, Transfer = transfer, Proof = second.Tree.Proof(0) }));
    }

    [Fact]
    public async Task ProofForAnotherRoot_IsRejected()
    {
        var bridge = await chains.NewBridgeAsync();
        var recipient = chains.B.Accounts[2].Address;
        var one = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [TestBridge.Transfer(bridge.B, 1, recipient, 1), TestBridge.Transfer(bridge.B, 2, recipient, 2)]);
        await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 2, [TestBridge.Transfer(bridge.B, 3, recipient, 3), TestBridge.Transfer(bridge.B, 4, recipient, 4)]);

        await Reverts.With<InvalidProofError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = one.Route, BatchNumber = 2, Transfer = one.Transfers[0], Proof = one.Tree.Proof(0) }));
    }

    [Fact]
    public async Task UnknownBatch_WrongDestination_ZeroRecipient_AndExpiredMessages_AreRejected()
    {
        var bridge = await chains.NewBridgeAsync();
        var recipient = chains.B.Accounts[2].Address;
        var expired = TestBridge.Transfer(bridge.B, 2, recipient, 1, expiry: 1_000);
        var zero = TestBridge.Transfer(bridge.B, 3, "0x0000000000000000000000000000000000000000", 1);
        var good = TestBridge.Transfer(bridge.B, 1, recipient, 1);
        var (tree, _, route) = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [good, expired, zero]);

        await Reverts.With<UnknownBatchError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = route, BatchNumber = 9, Transfer = good, Proof = tree.Proof(0) }));
        var elsewhere = TestBridge.Route(bridge.A, bridge.B);
        elsewhere.DstContract = bridge.B.Venue;
        await Reverts.With<WrongDestinationError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = elsewhere, BatchNumber = 1, Transfer = good, Proof = tree.Proof(0) }));
        var otherChain = TestBridge.Route(bridge.A, bridge.B);
        otherChain.DstChainId = 1;
        await Reverts.With<WrongDestinationError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = otherChain, BatchNumber = 1, Transfer = good, Proof = tree.Proof(0) }));
        await Reverts.With<MessageExpiredError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = route, BatchNumber = 1, Transfer = expired, Proof = tree.Proof(1) }));
        await Reverts.With<ZeroRecipientError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = route, BatchNumber = 1, Transfer = zero, Proof = tree.Proof(2) }));
    }

    [Fact]
    public async Task TransferBeyondTheDestinationsLiquidity_Waits_AndChangesNothing()
    {
        var bridge = await chains.NewBridgeAsync();
        var recipient = chains.B.Accounts[3].Address;
        var huge = TestBridge.Transfer(bridge.B, 1, recipient, TestBridge.Liquidity + 1);
        var (tree, _, route) = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [huge]);

        var error = await Reverts.With<InsufficientLiquidityError>(() =>
            bridge.B.SendAsync(new ExecuteTransferFunction { Route = route, BatchNumber = 1, Transfer = huge, Proof = tree.Proof(0) }));
        Assert.Equal(TestBridge.Liquidity, error.Available);
        Assert.Equal(0, await bridge.B.BalanceAsync(recipient));
        Assert.False(await bridge.B.QueryAsync<IsExecutedFunction, bool>(new IsExecutedFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, MessageNonce = 1 }));
    }

    [Fact]
    public async Task BatchWithAMultiproof_ExecutesTheChosenTransfersAtOnce()
    {
        var bridge = await chains.NewBridgeAsync();
        var recipients = Enumerable.Range(0, 10).Select(_ => EthECKey.GenerateKey().GetPublicAddress()).ToList();
        var transfers = recipients.Select((r, i) => TestBridge.Transfer(bridge.B, (ulong)i + 1, r, i + 1)).ToList();
        var (tree, _, route) = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, transfers);
        var multiproof = tree.Multiproof([7, 2, 3, 9]);

        await bridge.B.SendAsync(new ExecuteTransfersFunction
        {
            Route = route,
            BatchNumber = 1,
            Transfers = [.. multiproof.LeafIndices.Select(i => transfers[i])],
            Proof = multiproof.Proof,
            ProofFlags = multiproof.Flags,
        });

        foreach (var i in Enumerable.Range(0, 10))
        {
            Assert.Equal(new[] { 2, 3, 7, 9 }.Contains(i) ? i + 1 : BigInteger.Zero, await bridge.B.BalanceAsync(recipients[i]));
        }
    }
}
