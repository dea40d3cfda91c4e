using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Verification;
using MarginBridge.Devnet;
using MarginBridge.IntegrationTests.Infrastructure;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>Collateral moves between every ordered pair of the devnet's layer kinds through the whole pipeline, exactly once.</summary>
[Collection(DevnetCollection.Name)]
public sealed class ProofForwardingTests(DevnetFixture devnet)
{
    [Fact]
    public async Task TransfersBetweenEveryOrderedPairOfLayerKinds_AreExecutedExactlyOnce_AndConserveEveryUnit()
    {
        var trader = await devnet.NewAccountAsync();
        var chains = devnet.Devnet.Chains;
        foreach (var chain in chains)
        {
            await DevnetFixture.DepositAsync(chain, trader, 1_000_000);
        }

        var transfers = new List<(string Id, DevnetChain Source, DevnetChain Destination, long Amount)>();
        var amount = 1_000L;
        foreach (var source in chains)
        {
            foreach (var destination in chains.Where(c => c != source))
            {
                var (id, _) = await TransferTestSteps.InitiateAsync(source, destination, trader, ++amount);
                transfers.Add((id, source, destination, amount));
            }
        }

        Assert.Equal(12, transfers.Count);
        foreach (var chain in chains)
        {
            await TransferTestSteps.MakeHardFinalAsync(chain);
        }

        foreach (var (id, source, destination, _) in transfers)
        {
            var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Executed, TimeSpan.FromSeconds(90));
            Assert.Equal((source.Options.ChainId, destination.Options.ChainId), (executed.SrcChainId, executed.DstChainId));
        }

        foreach (var destination in chains)
        {
            var received = transfers.Where(t => t.Destination == destination).Sum(t => t.Amount);
            var sent = transfers.Where(t => t.Source == destination).Sum(t => t.Amount);
            Assert.Equal(new BigInteger(1_000_000 - sent + received), await DevnetFixture.VaultBalanceAsync(destination, trader.Address));
        }

        // The account shows the moves: per chain, deposits minus what left plus what arrived; once
        // every destination block is hard-final, all of it is final and the total is unchanged.
        foreach (var chain in chains)
        {
            await TransferTestSteps.MakeHardFinalAsync(chain);
        }

        var account = await Eventually.Until(
            () => devnet.Api.AccountAsync(trader.Address),
            a => a.Balances.All(b => b.Pending == "0"),
            "every credit and debit of the moves is final");
        foreach (var chain in chains)
        {
            var received = transfers.Where(t => t.Destination == chain).Sum(t => t.Amount);
            var sent = transfers.Where(t => t.Source == chain).Sum(t => t.Amount);
            Assert.Equal((0, 1_000_000 - sent + received), account.On(chain.Options.ChainId));
        }

        var ledger = await BridgeLedger.ReadAsync(chains);
        Assert.All(transfers, t => Assert.Equal(1, ledger.Executions[t.Id]));
        Assert.All(ledger.Executions, e => Assert.Equal(1, e.Value));
        Assert.Equal(ledger.Locked, ledger.Executed + ledger.Voided + ledger.InFlight);
    }

    [Fact]
    public async Task ATransferWhoseBlockNoLongerProves_IsProvenAgainAtALaterHardFinalBlock_AndPaidOnce()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.AppChain, trader, 50_000);
        string id;
        await using (var blocks = await HeldBlocks.HoldAsync(devnet.AppChain))
        {
            var initiating = TransferTestSteps.InitiateAsync(devnet.AppChain, devnet.Zk, trader, 6_000);
            await blocks.MineWhenPooledAsync(trader.Address);

            // A cheat code while the transfer's block is the latest rewrites that block's state under
            // its header's state root: no storage proof at that block verifies any more, for anyone.
            await devnet.AppChain.Node.RpcAsync<object>("anvil_setBalance", "0x00000000000000000000000000000000000000bb", "0x1000");
            (id, var block) = await initiating;
            var check = await new SentMessageVerifier([devnet.AppChain.Node.Web3For(trader)], devnet.AppChain.Contracts.Vault, agreeing: 1)
                .VerifyAsync([id.HexToByteArray()], block, CancellationToken.None);
            Assert.False(check.IsProven, $"block {block} no longer proves the transfer");

            // With no later block, the members refuse it and the silo's own proof takes it out of its batch.
            await Eventually.Until(
                () => devnet.Api.FindTransferAsync(id),
                t => t?.HeldReason?.Contains("outbox by a storage proof", StringComparison.Ordinal) == true,
                "the transfer is held: its block proves nothing");

            // The outbox only grows: at the next hard-final block the transfer is proven, batched again and paid.
            await DevnetFixture.MineAsync(devnet.AppChain, 1);
        }

        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Executed, TimeSpan.FromSeconds(60));
        Assert.Contains(executed.Steps, s => s.Detail.StartsWith("taken out of batch", StringComparison.Ordinal));
        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.Equal(1, ledger.Executions[id]);
    }

    [Theory]
    [InlineData(ProxyMode.Fail)]
    [InlineData(ProxyMode.Hang)]
    [InlineData(ProxyMode.Drop)]
    [InlineData(ProxyMode.Delay)]
    [InlineData(ProxyMode.Chaos)]
    public async Task TransfersInAndOutOfAChainWhoseFirstEndpointFails_AreExecutedExactlyOnce(ProxyMode fault)
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Zk, trader, 50_000);
        await DevnetFixture.DepositAsync(devnet.AppChain, trader, 50_000);
        devnet.ZkProxies[0].Mode = fault;
        try
        {
            var outbound = (await TransferTestSteps.InitiateAsync(devnet.Zk, devnet.AppChain, trader, 7_000)).Id;
            var inbound = (await TransferTestSteps.InitiateAsync(devnet.AppChain, devnet.Zk, trader, 8_000)).Id;
            await TransferTestSteps.MakeHardFinalAsync(devnet.Zk);
            await TransferTestSteps.AwaitStageAsync(devnet.Api, outbound, TransferStage.Executed, TimeSpan.FromSeconds(90));
            await TransferTestSteps.AwaitStageAsync(devnet.Api, inbound, TransferStage.Executed, TimeSpan.FromSeconds(90));

            var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
            Assert.Equal(1, ledger.Executions[outbound]);
            Assert.Equal(1, ledger.Executions[inbound]);
        }
        finally
        {
            devnet.ZkProxies[0].Mode = ProxyMode.Forward;
        }
    }
}
