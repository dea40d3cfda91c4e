using System.Net;
using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>
/// RPC endpoints that lie, through real proxies in front of the zk chain's anvil: a made-up
/// transfer log at the silo's endpoints, wrong block hashes at committee members' endpoints.
/// Judged by the chains' own events: nothing made up is ever attested or paid, real transfers
/// are paid exactly once.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class LyingEndpointTests(DevnetFixture devnet)
{
    [Fact]
    public async Task MadeUpTransferLog_IsTakenOutOfItsRefusedBatchAndHeld_TheRealOneIsPaidOnce_AndAnOperatorCancelsTheFake()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Zk, trader, 40_000);
        foreach (var proxy in devnet.ZkProxies)
        {
            proxy.Lie = RpcLies.MadeUpTransfers(devnet.Zk, devnet.Devnet.Chains);
            proxy.Mode = ProxyMode.Lie;
        }

        string real;
        TransferResponse fake;
        try
        {
            real = (await TransferTestSteps.InitiateAsync(devnet.Zk, devnet.AppChain, trader, 9_000)).Id;
            await TransferTestSteps.MakeHardFinalAsync(devnet.Zk);
            await TransferTestSteps.AwaitStageAsync(devnet.Api, real, TransferStage.Executed, TimeSpan.FromSeconds(90));
            fake = (await Eventually.Until(
                () => devnet.Api.AccountTransfersAsync(trader.Address),
                ts => ts.Any(t => t.Id != real && t.HeldReason?.Contains("outbox", StringComparison.Ordinal) == true),
                "the made-up transfer is held")).Single(t => t.Id != real);
        }
        finally
        {
            foreach (var proxy in devnet.ZkProxies)
            {
                proxy.Mode = ProxyMode.Forward;
            }
        }

        Assert.Equal("9001", fake.Amount);
        Assert.Null(fake.BatchNumber);
        Assert.Contains("not in zk's outbox by a storage proof", fake.HeldReason, StringComparison.Ordinal);
        Assert.Contains(fake.Steps, s => s.Stage == TransferStage.SourceHardFinal && s.Detail.StartsWith("taken out of batch", StringComparison.Ordinal));
        Assert.DoesNotContain(fake.Steps, s => s.Stage is TransferStage.RootAttested or TransferStage.RootAccepted or TransferStage.Executed);
        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.Equal(1, ledger.Executions[real]);
        Assert.False(ledger.Executions.ContainsKey(fake.Id));
        Assert.False(ledger.Initiated.ContainsKey(fake.Id));

        // The account counted the fake as leaving zk until an operator ends it; the real one cannot be cancelled.
        var token = devnet.Devnet.OperatorToken;
        using var refused = await devnet.Api.OperatorPostAsync($"/operator/transfers/{real}/cancel", token);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var cancelled = await devnet.Api.OperatorPostAsync($"/operator/transfers/{fake.Id}/cancel", token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var ended = await devnet.Api.TransferAsync(fake.Id);
        Assert.Equal(TransferStage.Cancelled, ended.Stage);
        Assert.Contains(ended.Steps, s => s.Detail.StartsWith("operator devnet-operator: cancel", StringComparison.Ordinal));
        var account = await devnet.Api.AccountAsync(trader.Address);
        var (pending, final) = account.On(devnet.Zk.Options.ChainId);
        Assert.Equal(new BigInteger(40_000 - 9_000), pending + final);
    }

    [Fact]
    public async Task MemberWhoseEndpointsAllLie_Refuses_TheOthersCarryTheBatch_AndTwoLyingMembersHoldItUntilTheTruthReturns()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Zk, trader, 40_000);
        var liar = devnet.Devnet.Committee.Members[0];
        SetMemberEndpoints(1, ProxyMode.Lie);
        try
        {
            var first = (await TransferTestSteps.InitiateAsync(devnet.Zk, devnet.Optimistic, trader, 3_000)).Id;
            await TransferTestSteps.MakeHardFinalAsync(devnet.Zk);
            var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, first, TransferStage.Executed, TimeSpan.FromSeconds(90));
            var attested = Assert.Single(executed.Steps, s => s.Stage == TransferStage.RootAttested);
            Assert.DoesNotContain(liar, attested.Detail, StringComparison.OrdinalIgnoreCase);

            SetMemberEndpoints(2, ProxyMode.Lie);
            var second = (await TransferTestSteps.InitiateAsync(devnet.Zk, devnet.Optimistic, trader, 4_000)).Id;
            await TransferTestSteps.MakeHardFinalAsync(devnet.Zk);
            var held = await Eventually.Until(
                () => devnet.Api.FindTransferAsync(second),
                t => t?.HeldReason?.Contains("committee signatures needed", StringComparison.Ordinal) == true,
                "the batch waits for a second honest member");
            Assert.Contains("not proven in the source vault's outbox", held!.HeldReason, StringComparison.Ordinal);
            Assert.Equal(TransferStage.Batched, held.Steps.Last(s => s.Stage != TransferStage.Held).Stage);

            SetMemberEndpoints(2, ProxyMode.Forward);
            await TransferTestSteps.AwaitStageAsync(devnet.Api, second, TransferStage.Executed, TimeSpan.FromSeconds(90));
            var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
            Assert.Equal(1, ledger.Executions[first]);
            Assert.Equal(1, ledger.Executions[second]);
        }
        finally
        {
            SetMemberEndpoints(1, ProxyMode.Forward);
            SetMemberEndpoints(2, ProxyMode.Forward);
        }
    }

    private void SetMemberEndpoints(int member, ProxyMode mode)
    {
        foreach (var proxy in devnet.MemberZkProxies(member))
        {
            proxy.Lie = RpcLies.WrongBlockHashes;
            proxy.Mode = mode;
        }
    }
}
