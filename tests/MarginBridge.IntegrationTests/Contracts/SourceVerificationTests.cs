using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Verification;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>A committee member's own check against the source chain, on real anvil proofs, tampered proofs and lying endpoints.</summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class SourceVerificationTests(BridgeContractsFixture chains)
{
    private static Web3 Endpoint(string url) => new(new RpcClient(new Uri(url)));

    private async Task<(TestBridge Bridge, byte[] Leaf, long Block)> SentAsync()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[1];
        await bridge.A.DepositAsync(trader, 1_000);
        var receipt = await bridge.A.SendAsync(new InitiateTransferFunction { DstChainId = (ulong)chains.B.ChainId, Token = bridge.A.Token, Amount = 10, Recipient = trader.Address }, trader);
        return (bridge, receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event.Leaf, (long)receipt.BlockNumber.Value);
    }

    [Fact]
    public async Task SentLeaf_IsProven_WhenTwoEndpointsAgreeOnTheBlock()
    {
        var (bridge, leaf, block) = await SentAsync();
        await using var proxy = FaultProxy.OnFreePort(chains.A.RpcUrl);
        var verifier = new SentMessageVerifier([Endpoint(chains.A.RpcUrl), Endpoint(proxy.Url)], bridge.A.Vault);

        var result = await verifier.VerifyAsync([leaf], block, CancellationToken.None);
        Assert.True(result.IsProven, result.Refusal);
    }

    [Fact]
    public async Task LeafFromAFabricatedLog_OrFromBeforeItWasSent_IsRefused()
    {
        var (bridge, leaf, block) = await SentAsync();
        await using var proxy = FaultProxy.OnFreePort(chains.A.RpcUrl);
        var verifier = new SentMessageVerifier([Endpoint(chains.A.RpcUrl), Endpoint(proxy.Url)], bridge.A.Vault);

        var fabricated = Sha3Keccack.Current.CalculateHash("a transfer nobody made"u8.ToArray());
        var refusal = await verifier.VerifyAsync([leaf, fabricated], block, CancellationToken.None);
        Assert.False(refusal.IsProven);
        Assert.Contains("1 of 2 leaves are not proven", refusal.Refusal, StringComparison.Ordinal);
        Assert.False((await verifier.VerifyAsync([leaf], block - 1, CancellationToken.None)).IsProven);
    }

    [Fact]
    public async Task EndpointLyingAboutTheBlock_MakesTheMemberRefuse()
    {
        var (bridge, leaf, block) = await SentAsync();
        var data = Directory.CreateTempSubdirectory("marginbridge-liar-").FullName;
        await using var liar = await AnvilNode.StartAsync(chains.A.ChainId, null, 7, data, CancellationToken.None);
        await liar.RpcAsync<object>("anvil_mine", new HexBigInteger(block + 1).HexValue);

        var refusal = await new SentMessageVerifier([Endpoint(chains.A.RpcUrl), Endpoint(liar.RpcUrl)], bridge.A.Vault).VerifyAsync([leaf], block, CancellationToken.None);
        Assert.False(refusal.IsProven);
        Assert.Contains("disagree", refusal.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneAnsweringEndpoint_IsNotEnough()
    {
        var (bridge, leaf, block) = await SentAsync();
        var refusal = await new SentMessageVerifier([Endpoint(chains.A.RpcUrl), Endpoint($"http://127.0.0.1:{FreePort.Next()}")], bridge.A.Vault)
            .VerifyAsync([leaf], block, CancellationToken.None);
        Assert.False(refusal.IsProven);
        Assert.Contains("only 1 endpoint", refusal.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProof_Verifies_AndEveryTamperedCopyIsRejected()
    {
        var (bridge, leaf, block) = await SentAsync();
        var web3 = Endpoint(chains.A.RpcUrl);
        var parameter = new BlockParameter(new HexBigInteger(block));
        var stateRoot = (await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(parameter)).StateRoot.HexToByteArray();
        var slot = StorageProofs.SentMessageSlot(leaf);
        async Task<AccountProof> FreshProof() => await web3.Eth.GetProof.SendRequestAsync(bridge.A.Vault, [slot.ToHex(prefix: true)], parameter);

        Assert.True(StorageProofs.ProvesTrue(stateRoot, bridge.A.Vault, slot, await FreshProof()));

        var tamperings = new List<Action<AccountProof>>
        {
            p => p.AccountProofs[^1] = FlipLastByte(p.AccountProofs[^1]),
            p => p.StorageProof[0].Proof[^1] = FlipLastByte(p.StorageProof[0].Proof[^1]),
            p => p.StorageProof[0].Proof[0] = FlipLastByte(p.StorageProof[0].Proof[0]),
            p => p.StorageHash = FlipLastByte(p.StorageHash),
            p => p.Balance = new HexBigInteger(p.Balance.Value + 1),
        };
        foreach (var tamper in tamperings)
        {
            var proof = await FreshProof();
            tamper(proof);
            Assert.False(StorageProofs.ProvesTrue(stateRoot, bridge.A.Vault, slot, proof));
        }

        Assert.False(StorageProofs.ProvesTrue(stateRoot, bridge.A.Vault, StorageProofs.SentMessageSlot(new byte[32]), await FreshProof()));
    }

    private static string FlipLastByte(string hex)
    {
        var bytes = hex.HexToByteArray();
        bytes[^1] ^= 0x01;
        return bytes.ToHex(prefix: true);
    }
}
