using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>
/// A transfer whose message is in the source outbox but has not executed can be voided on its
/// destination by the committee: it never executes there, and its amount travels back to its sender
/// as a transfer from the destination vault, paid out of the liquidity the original locked.
/// </summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class TransferVoidTests(BridgeContractsFixture chains)
{
    [Fact]
    public async Task VoidedTransfer_NeverExecutesOnItsDestination_AndItsAmountReturnsToItsSender_Once()
    {
        var bridge = await chains.NewBridgeAsync();
        var (trader, recipient) = (chains.A.Accounts[3], chains.A.Accounts[4]);
        await bridge.A.DepositAsync(trader, 1_000);
        var sourceLiquidity = await bridge.A.LiquidityAsync();
        var sent = await InitiateAsync(bridge, trader, recipient.Address, 400);
        var destinationLiquidity = await bridge.B.LiquidityAsync();

        var voided = await VoidAsync(bridge, 1, Void(bridge, sent, refundTo: trader.Address));
        var voidEvent = Assert.Single(voided.DecodeAllEvents<TransferVoidedEvent>()).Event;
        var back = Assert.Single(voided.DecodeAllEvents<TransferInitiatedEvent>()).Event;
        Assert.Equal(sent.Leaf, voidEvent.Leaf);
        Assert.Equal((sent.Nonce, back.Nonce), (voidEvent.TransferNonce, voidEvent.ReturnNonce));
        Assert.Equal(back.Leaf, voidEvent.ReturnLeaf);
        Assert.Equal(
            (EvmAddress.Normalize(bridge.B.Vault), (ulong)bridge.A.Node.ChainId, EvmAddress.Normalize(bridge.A.Token), EvmAddress.Normalize(trader.Address), new BigInteger(400)),
            (EvmAddress.Normalize(back.Account), back.DstChainId, EvmAddress.Normalize(back.DstToken), EvmAddress.Normalize(back.Recipient), back.Amount));

        // The original can no longer execute on B, nor be voided a second time; nothing left B's liquidity.
        var original = TestBridge.Transfer(bridge.B, sent.Nonce, recipient.Address, 400);
        var batch = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [original]);
        await Reverts.With<AlreadyExecutedError>(() => bridge.B.SendAsync(new ExecuteTransferFunction { Route = batch.Route, BatchNumber = 1, Transfer = original, Proof = batch.Tree.Proof(0) }));
        await Reverts.With<AlreadyExecutedError>(() => VoidAsync(bridge, 2, Void(bridge, sent, refundTo: trader.Address)));
        Assert.Equal(BigInteger.Zero, await bridge.B.BalanceAsync(recipient.Address));
        Assert.Equal(destinationLiquidity, await bridge.B.LiquidityAsync());

        // The way back is an ordinary transfer B → A: executed on A, it pays the sender from the liquidity the original locked.
        var refund = TestBridge.Transfer(bridge.A, back.Nonce, trader.Address, 400);
        var returned = await bridge.AcceptedBatchAsync(bridge.B, bridge.A, 1, [refund]);
        await bridge.A.SendAsync(new ExecuteTransferFunction { Route = returned.Route, BatchNumber = 1, Transfer = refund, Proof = returned.Tree.Proof(0) });
        Assert.Equal(new BigInteger(1_000), await bridge.A.BalanceAsync(trader.Address));
        Assert.Equal(sourceLiquidity, await bridge.A.LiquidityAsync());
        Assert.Equal(await bridge.A.CustodyAsync(), await bridge.A.LiquidityAsync() + await bridge.A.InsuranceFundAsync() + await bridge.A.BalanceAsync(trader.Address));
    }

    [Fact]
    public async Task ExecutedTransfer_CannotBeVoided()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[3];
        await bridge.A.DepositAsync(trader, 1_000);
        var sent = await InitiateAsync(bridge, trader, trader.Address, 250);
        var transfer = TestBridge.Transfer(bridge.B, sent.Nonce, trader.Address, 250);
        var batch = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [transfer]);
        await bridge.B.SendAsync(new ExecuteTransferFunction { Route = batch.Route, BatchNumber = 1, Transfer = transfer, Proof = batch.Tree.Proof(0) });

        var refused = await Reverts.With<AlreadyExecutedError>(() => VoidAsync(bridge, 1, Void(bridge, sent, refundTo: trader.Address)));
        Assert.Equal(sent.Nonce, refused.MessageNonce);
        await Reverts.With<ZeroRecipientError>(() => VoidAsync(bridge, 2, Void(bridge, sent, refundTo: "0x0000000000000000000000000000000000000000")));
    }

    private static async Task<TransferInitiatedEvent> InitiateAsync(TestBridge bridge, Devnet.Processes.DevAccount trader, string recipient, BigInteger amount)
    {
        var receipt = await bridge.A.SendAsync(new InitiateTransferFunction { DstChainId = (ulong)bridge.B.Node.ChainId, Token = bridge.A.Token, Amount = amount, Recipient = recipient }, trader);
        return Assert.Single(receipt.DecodeAllEvents<TransferInitiatedEvent>()).Event;
    }

    private static TransferVoidStruct Void(TestBridge bridge, TransferInitiatedEvent sent, string refundTo) => new()
    {
        SrcChainId = (ulong)bridge.A.Node.ChainId,
        TransferNonce = sent.Nonce,
        Token = sent.DstToken,
        Recipient = sent.Recipient,
        Amount = sent.Amount,
        RefundTo = refundTo,
    };

    /// <summary>Attests <paramref name="transferVoid"/> as batch <paramref name="nonce"/> of B's instruction route and executes it.</summary>
    private static async Task<TransactionReceipt> VoidAsync(TestBridge bridge, ulong nonce, TransferVoidStruct transferVoid)
    {
        transferVoid.Nonce = nonce;
        var route = new RouteStruct { SrcChainId = Chains.Liquidations.LiquidationRoute.SourceChainId, SrcContract = bridge.B.Vault, DstChainId = (ulong)bridge.B.Node.ChainId, DstContract = bridge.B.Vault };
        var tree = new MerkleTree([MessageLeaf.TransferVoid(route, transferVoid)]);
        await bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, nonce, tree));
        return await bridge.B.SendAsync(new VoidTransferFunction { Route = route, BatchNumber = nonce, TransferVoid = transferVoid, Proof = tree.Proof(0) });
    }
}
