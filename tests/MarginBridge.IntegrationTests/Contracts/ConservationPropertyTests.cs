using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet.Processes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Xunit.Abstractions;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>
/// Random sequences of deposits, transfers both ways, batch executions and withdrawals on two real
/// chains. After every step: each vault's custody equals its balances plus its liquidity, and the
/// accounts' balances on both chains plus what is in flight equal deposits minus withdrawals.
/// </summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class ConservationPropertyTests(BridgeContractsFixture chains, ITestOutputHelper output)
{
    private sealed record InFlight(BridgeSide Source, BridgeSide Destination, TransferStruct Transfer);

    [Fact]
    public async Task RandomSequences_ConserveEveryToken()
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var bridge = await chains.NewBridgeAsync();
        var sides = new[] { bridge.A, bridge.B };
        var traders = chains.A.Accounts.Skip(1).Take(3).ToList();
        foreach (var side in sides)
        {
            foreach (var trader in traders)
            {
                await new Devnet.Deployment.CollateralClient(side.Node, trader, side.Token, side.Vault).MintAndApproveAsync(1_000_000_000);
            }
        }

        var inFlight = new List<InFlight>();
        var batches = new Dictionary<BridgeSide, ulong> { [bridge.A] = 0, [bridge.B] = 0 };
        var clearanceNonce = 0UL;
        BigInteger deposited = 0, withdrawn = 0;
        for (var step = 0; step < 40; step++)
        {
            var side = sides[random.Next(2)];
            var other = side == bridge.A ? bridge.B : bridge.A;
            var trader = traders[random.Next(traders.Count)];
            var balance = await side.BalanceAsync(trader.Address);
            switch (random.Next(4))
            {
                case 0:
                    var amount = random.Next(1, 5_000);
                    await side.SendAsync(new DepositFunction { Token = side.Token, Amount = amount }, trader);
                    deposited += amount;
                    break;
                case 1 when balance > 0:
                    var moved = RandomUpTo(random, balance);
                    var receipt = await side.SendAsync(new InitiateTransferFunction { DstChainId = (ulong)other.Node.ChainId, Token = side.Token, Amount = moved, Recipient = traders[random.Next(traders.Count)].Address }, trader);
                    var sent = receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event;
                    inFlight.Add(new InFlight(side, other, TestBridge.Transfer(other, sent.Nonce, sent.Recipient, sent.Amount)));
                    break;
                case 2 when inFlight.Any(f => f.Destination == other):
                    // Relay everything in flight towards `other` as one batch.
                    var pending = inFlight.Where(f => f.Destination == other).ToList();
                    var number = ++batches[other];
                    var (tree, transfers, route) = await bridge.AcceptedBatchAsync(pending[0].Source, other, number, [.. pending.Select(p => p.Transfer)]);
                    var proof = tree.Multiproof([.. Enumerable.Range(0, transfers.Count)]);
                    await other.SendAsync(new ExecuteTransfersFunction { Route = route, BatchNumber = number, Transfers = transfers, Proof = proof.Proof, ProofFlags = proof.Flags });
                    inFlight.RemoveAll(pending.Contains);
                    break;
                case 3 when balance > 0:
                    var taken = RandomUpTo(random, balance);
                    await side.SendAsync(await ClearanceAsync(bridge, side, trader, taken, ++clearanceNonce), trader);
                    withdrawn += taken;
                    break;
            }

            var total = BigInteger.Zero;
            foreach (var s in sides)
            {
                var balances = BigInteger.Zero;
                foreach (var t in traders)
                {
                    balances += await s.BalanceAsync(t.Address);
                }

                Assert.Equal(await s.CustodyAsync(), balances + await s.LiquidityAsync() + await s.InsuranceFundAsync());
                total += balances;
            }

            Assert.Equal(deposited - withdrawn, total + inFlight.Aggregate(BigInteger.Zero, (sum, f) => sum + f.Transfer.Amount));
        }
    }

    private static BigInteger RandomUpTo(Random random, BigInteger max) => BigInteger.Max(1, max * random.Next(1, 101) / 100);

    private static async Task<WithdrawFunction> ClearanceAsync(TestBridge bridge, BridgeSide side, DevAccount trader, BigInteger amount, ulong nonce)
    {
        var block = await side.Node.Web3For(trader).Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        var clearance = new ClearanceStruct { Account = trader.Address, Token = side.Token, Amount = amount, Nonce = nonce, Expiry = (ulong)block.Timestamp.Value + 600 };
        var digest = TypedData.Clearance(TypedData.DomainSeparator((ulong)side.Node.ChainId, side.Vault), clearance);
        return new WithdrawFunction { Clearance = clearance, Signatures = CommitteeSignatures.Sign(digest, bridge.Committee.Take(2)) };
    }
}
