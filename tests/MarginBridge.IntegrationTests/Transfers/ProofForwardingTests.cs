using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Devnet;
using MarginBridge.IntegrationTests.Infrastructure;

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
