using System.Numerics;
using MarginBridge.Chains.Contracts;
using Nethereum.Signer;
using Xunit.Abstractions;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>
/// For random batches of 1…256 transfers: every valid proof executes exactly once, and every proof
/// or message with one bit flipped anywhere is rejected by the real inbox.
/// </summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class ProofPropertyTests(BridgeContractsFixture chains, ITestOutputHelper output)
{
    [Fact]
    public async Task RandomBatches_ValidProofsExecuteOnce_AndEveryFlippedBitIsRejected()
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var bridge = await chains.NewBridgeAsync();
        var sizes = new[] { 1, 2, 3, random.Next(4, 32), random.Next(32, 200), 256 };
        ulong nextNonce = 1;
        for (var b = 0; b < sizes.Length; b++)
        {
            var size = sizes[b];
            var batchNumber = (ulong)b + 1;
            var transfers = Enumerable.Range(0, size)
                .Select(_ => TestBridge.Transfer(bridge.B, nextNonce++, EthECKey.GenerateKey().GetPublicAddress(), random.Next(1, 1_000)))
                .ToList();
            var (tree, _, route) = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, batchNumber, transfers);

            // Single proofs for a random half (at most 12 per batch, to keep the suite fast), the rest in one multiproof.
            var order = Enumerable.Range(0, size).OrderBy(_ => random.Next()).ToList();
            var singles = order.Take(Math.Min(12, (size + 1) / 2)).ToList();
            foreach (var index in singles)
            {
                var valid = new ExecuteTransferFunction { Route = route, BatchNumber = batchNumber, Transfer = transfers[index], Proof = tree.Proof(index) };
                await RejectedAsync(bridge, FlipOneBit(valid, random), $"batch {size}, leaf {index}");
                await bridge.B.SendAsync(valid);
                await Reverts.With<AlreadyExecutedError>(() => bridge.B.SendAsync(valid));
            }

            var rest = order.Skip(singles.Count).ToList();
            if (rest.Count > 0)
            {
                var multiproof = tree.Multiproof(rest);
                var batch = new ExecuteTransfersFunction
                {
                    Route = route,
                    BatchNumber = batchNumber,
                    Transfers = [.. multiproof.LeafIndices.Select(i => transfers[i])],
                    Proof = multiproof.Proof,
                    ProofFlags = multiproof.Flags,
                    Gas = 30_000_000,
                };
                await RejectedAsync(bridge, FlipOneBit(batch, random), $"multiproof over {rest.Count} of {size}");
                await bridge.B.SendAsync(batch);
                await Reverts.With<AlreadyExecutedError>(() => bridge.B.SendAsync(batch));
            }

            foreach (var transfer in transfers)
            {
                Assert.Equal(transfer.Amount, await bridge.B.BalanceAsync(transfer.Recipient));
            }
        }
    }

    private static async Task RejectedAsync<TMessage>(TestBridge bridge, TMessage tampered, string what)
        where TMessage : Nethereum.Contracts.FunctionMessage, new()
    {
        tampered.Gas = null;
        var handler = bridge.B.Node.Web3For(bridge.B.Admin).Eth.GetContractTransactionHandler<TMessage>();
        var accepted = false;
        try
        {
            await handler.EstimateGasAsync(bridge.B.Vault, tampered);
            accepted = true;
        }
        catch (Nethereum.Contracts.SmartContractCustomErrorRevertException)
        {
        }

        Assert.False(accepted, $"{what}: a message or proof with one flipped bit was accepted");
    }

    private static ExecuteTransferFunction FlipOneBit(ExecuteTransferFunction valid, Random random)
    {
        var transfer = Copy(valid.Transfer);
        var proof = valid.Proof.Select(p => (byte[])p.Clone()).ToList();
        var route = Copy(valid.Route);
        var target = random.Next(proof.Count > 0 ? 3 : 2);
        switch (target)
        {
            case 0: FlipInTransfer(transfer, random); break;
            case 1: FlipInRoute(route, random); break;
            default: Flip(proof[random.Next(proof.Count)], random); break;
        }

        return new ExecuteTransferFunction { Route = route, BatchNumber = valid.BatchNumber, Transfer = transfer, Proof = proof };
    }

    private static ExecuteTransfersFunction FlipOneBit(ExecuteTransfersFunction valid, Random random)
    {
        var transfers = valid.Transfers.Select(Copy).ToList();
        var proof = valid.Proof.Select(p => (byte[])p.Clone()).ToList();
        var flags = (byte[])valid.ProofFlags.Clone();
        var targets = new List<Action> { () => FlipInTransfer(transfers[random.Next(transfers.Count)], random) };
        if (flags.Length > 0)
        {
            targets.Add(() => flags[random.Next(flags.Length)] ^= 1);
        }

        if (proof.Count > 0)
        {
            targets.Add(() => Flip(proof[random.Next(proof.Count)], random));
        }

        targets[random.Next(targets.Count)]();
        return new ExecuteTransfersFunction { Route = valid.Route, BatchNumber = valid.BatchNumber, Transfers = transfers, Proof = proof, ProofFlags = flags, Gas = 30_000_000 };
    }

    private static void FlipInTransfer(TransferStruct transfer, Random random)
    {
        switch (random.Next(4))
        {
            case 0: transfer.Nonce ^= 1UL << random.Next(64); break;
            case 1: transfer.Amount ^= BigInteger.One << random.Next(96); break;
            case 2: transfer.Recipient = FlipAddress(transfer.Recipient, random); break;
            default: transfer.Token = FlipAddress(transfer.Token, random); break;
        }
    }

    private static void FlipInRoute(RouteStruct route, Random random)
    {
        if (random.Next(2) == 0)
        {
            route.SrcChainId ^= 1UL << random.Next(64);
        }
        else
        {
            route.SrcContract = FlipAddress(route.SrcContract, random);
        }
    }

    private static string FlipAddress(string address, Random random)
    {
        var bytes = Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(address);
        Flip(bytes, random);
        return Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.ToHex(bytes, prefix: true);
    }

    private static void Flip(byte[] bytes, Random random) => bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));

    private static TransferStruct Copy(TransferStruct t) => new() { Nonce = t.Nonce, Expiry = t.Expiry, Token = t.Token, Recipient = t.Recipient, Amount = t.Amount };

    private static RouteStruct Copy(RouteStruct r) => new() { SrcChainId = r.SrcChainId, SrcContract = r.SrcContract, DstChainId = r.DstChainId, DstContract = r.DstContract };
}
