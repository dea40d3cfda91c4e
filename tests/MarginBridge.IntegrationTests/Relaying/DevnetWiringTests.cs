using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;
using Nethereum.Contracts;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>The devnet deploys and wires the bridge: a transfer between two rollups, attested by the devnet's committee, executes.</summary>
[Collection(DevnetCollection.Name)]
public sealed class DevnetWiringTests(DevnetFixture devnet)
{
    [Fact]
    public async Task TransferFromOptimisticToAppChain_SignedByTheDevnetCommittee_Executes()
    {
        var source = devnet.Optimistic;
        var destination = devnet.AppChain;
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(source, trader, 2_000_000);
        var initiated = (await BridgeWiring.SendAsync(source.Node.Web3For(trader), source.Contracts.Vault,
            new InitiateTransferFunction { DstChainId = (ulong)destination.Node.ChainId, Token = source.Contracts.Token, Amount = 1_500_000, Recipient = trader.Address }))
            .DecodeAllEvents<TransferInitiatedEvent>().Single().Event;

        var route = new RouteStruct { SrcChainId = (ulong)source.Node.ChainId, SrcContract = source.Contracts.Vault, DstChainId = (ulong)destination.Node.ChainId, DstContract = destination.Contracts.Vault };
        var transfer = new TransferStruct { Nonce = initiated.Nonce, Token = destination.Contracts.Token, Recipient = trader.Address, Amount = 1_500_000 };
        var tree = new MerkleTree([MessageLeaf.Transfer(route, transfer)]);
        // A batch number far above the relayer's own, which batches the same transfer on its own meanwhile.
        const ulong batchNumber = 900_001;
        Assert.Equal(initiated.Leaf, tree.Root);
        var members = devnet.Devnet.Committee.KeyFiles.Take(devnet.Devnet.Committee.Threshold).Select(f => new EthECKey(File.ReadAllText(f)));
        var digest = TypedData.RootAttestation(TypedData.DomainSeparator((ulong)destination.Node.ChainId, destination.Contracts.Vault), route.SrcChainId, route.SrcContract, batchNumber, tree.Root, 1);
        var relayer = destination.Node.Web3For(destination.Node.Accounts[0]);
        await BridgeWiring.SendAsync(relayer, destination.Contracts.Vault, new SubmitRootFunction
        {
            SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = batchNumber, Root = tree.Root, MessageCount = 1, Signatures = CommitteeSignatures.Sign(digest, members),
        });
        await BridgeWiring.SendAsync(relayer, destination.Contracts.Vault, new ExecuteTransferFunction { Route = route, BatchNumber = batchNumber, Transfer = transfer, Proof = tree.Proof(0) });

        var balance = await relayer.Eth.GetContractQueryHandler<VaultBalanceOfFunction>()
            .QueryAsync<System.Numerics.BigInteger>(destination.Contracts.Vault, new VaultBalanceOfFunction { Account = trader.Address, Token = destination.Contracts.Token });
        Assert.Equal(1_500_000, balance);
    }
}
