using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.RegularExpressions;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>An operator cancels a transfer that left its source but has not executed: voided on its destination, refunded to its sender.</summary>
[Collection(DevnetCollection.Name)]
public sealed partial class TransferCancellationTests(DevnetFixture devnet)
{
    private string Token => devnet.Devnet.OperatorToken;

    [Fact]
    public async Task CancelledTransferInTheSourceOutbox_IsVoidedOnItsDestination_AndItsAmountReturnsToTheSender_ExactlyOnce()
    {
        var (source, destination) = (devnet.AppChain, devnet.Optimistic);
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(source, trader, 50_000);
        var scope = BreakerScope.Route(source.Options.ChainId, destination.Options.ChainId);

        // The route's breaker keeps the transfer queued: it left the trader's balance and sits in the outbox, owed at the destination.
        using (await devnet.Api.OperatorPostAsync($"/operator/breakers/{scope}/trip", Token, JsonContent.Create(new { reason = "cancellation test" })))
        {
        }

        string id;
        try
        {
            id = (await TransferTestSteps.InitiateAsync(source, destination, trader, 7_000)).Id;
            await TransferTestSteps.MakeHardFinalAsync(source);
            await Eventually.Until(() => devnet.Api.FindTransferAsync(id), t => t?.HeldReason?.Contains(scope, StringComparison.Ordinal) == true, "the transfer waits for the route's breaker");
            await CancelAsync(id);
        }
        finally
        {
            using (await devnet.Api.OperatorPostAsync($"/operator/breakers/{scope}/reset", Token, JsonContent.Create(new { reason = "done" })))
            {
            }

            await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.State == BreakerState.Closed, $"{scope} closes again", TimeSpan.FromSeconds(30));
        }

        await AssertRefundedOnceAsync(id, source, destination, trader.Address, 7_000);
        Assert.Equal(new BigInteger(50_000), await DevnetFixture.VaultBalanceAsync(source, trader.Address));

        // The account shows the move and its refund: all 50,000 back on the source chain once final.
        await TransferTestSteps.MakeHardFinalAsync(source);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.On(source.Options.ChainId) == (0, 50_000), "the account has its 50,000 back, final");
    }

    [Fact]
    public async Task CancelledTransferHeldForLiquidity_InABatchWhoseRootIsAccepted_IsVoidedAndRefunded()
    {
        // Two transfers that together exceed the destination's free liquidity (whatever earlier tests left) by 100,000 USDC.
        var destination = devnet.Optimistic;
        DevnetChain[] sources = [devnet.Zk, devnet.Hub];
        var (trader, amount, ids) = await TransferTestSteps.SendOverLiquidityAsync(devnet, destination, sources);
        var sent = ids.Zip(sources, (id, source) => (Id: id, Source: source)).ToList();

        // One is paid, the other waits in its accepted batch.
        var views = await Eventually.Until(
            () => Task.WhenAll(sent.Select(s => devnet.Api.FindTransferAsync(s.Id))),
            v => v.Count(t => t?.Stage == TransferStage.Executed) == 1 && v.Count(t => t?.Stage == TransferStage.Held && t.HeldReason!.Contains("short by", StringComparison.Ordinal) && t.Steps.Any(s => s.Stage == TransferStage.RootAccepted)) == 1,
            "one transfer is executed and the other, its root accepted, held for liquidity",
            TimeSpan.FromSeconds(90));
        var held = views.Single(t => t!.Stage == TransferStage.Held)!;
        var heldSource = sent.Single(s => s.Id == held.Id).Source;

        try
        {
            await CancelAsync(held.Id);
            await AssertRefundedOnceAsync(held.Id, heldSource, destination, trader.Address, amount);
            Assert.Equal(amount, await DevnetFixture.VaultBalanceAsync(heldSource, trader.Address));
            Assert.Equal(amount, await DevnetFixture.VaultBalanceAsync(destination, trader.Address));
        }
        finally
        {
            // The paid transfer drew on the destination's liquidity: put it back for the tests after this one.
            await ProvideLiquidityAsync(destination, amount);
        }
    }

    [Fact]
    public async Task CancelledTransferTheUserExecutesBeforeTheVoidLands_EndsExecuted_AndIsNeverRefunded()
    {
        // A transfer into zk held for liquidity, its root accepted.
        var destination = devnet.Zk;
        var (trader, amount, held) = await HeldInAcceptedBatchAsync(destination, devnet.Hub, devnet.AppChain);

        // Two of the three members cannot reach zk: the void waits for signatures while the trader, after the
        // liquidity arrives, executes the transfer with its proof (the route no longer pays a transfer under void).
        SetMemberZkEndpoints(ProxyMode.Fail);
        try
        {
            await CancelAsync(held);
            await Eventually.Until(() => devnet.Api.FindTransferAsync(held), t => t?.HeldReason?.StartsWith("voiding: 1 of 2 members attested", StringComparison.Ordinal) == true, "the void waits for a second member");
            await ProvideLiquidityAsync(destination, amount);
            await ExecuteAsTraderAsync(held, destination, trader);
        }
        finally
        {
            SetMemberZkEndpoints(ProxyMode.Forward);
        }

        // The members refuse the void now (the transfer is executed); the transfer ends Executed, paid once and never refunded.
        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, held, TransferStage.Executed, TimeSpan.FromSeconds(60));
        Assert.Contains("before it could be voided", executed.Steps[^1].Detail, StringComparison.Ordinal);
        await AssertPaidOnceNeverVoidedAsync(held, destination, trader, amount);
    }

    /// <summary>
    /// The committee refuses a void (two members cannot reach zk) and the operator withdraws the cancellation: once a final
    /// zk block is past the void's expiry the route pays the transfer; or the trader executes it with its proof meanwhile,
    /// and it ends Executed without going back to the route. Either way it is paid once and never refunded.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithdrawnCancellation_IsPaidOnce_ByTheRouteOnceTheVoidExpires_OrByTheTraderMeanwhile_AndNeverRefunded(bool traderExecutesMeanwhile)
    {
        var destination = devnet.Zk;
        var (trader, amount, held) = await HeldInAcceptedBatchAsync(destination, devnet.Optimistic, devnet.AppChain);
        await CancelThenWithdrawAsync(held);

        // The members could sign the void now; nobody asks them any more.
        await ProvideLiquidityAsync(destination, amount);
        if (traderExecutesMeanwhile)
        {
            await ExecuteAsTraderAsync(held, destination, trader);
        }

        await DevnetFixture.AdvanceChainTimeAsync(destination, DevnetFixture.VoidLifetimeSeconds + 1);
        await TransferTestSteps.MakeHardFinalAsync(destination);

        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, held, TransferStage.Executed, TimeSpan.FromSeconds(60));
        var givenBack = executed.Steps.Where(s => s.Detail.StartsWith("cancellation withdrawn", StringComparison.Ordinal)).Select(s => s.Stage);
        if (traderExecutesMeanwhile)
        {
            Assert.Empty(givenBack);
            Assert.Contains("before it could be voided (its cancellation was withdrawn)", executed.Steps[^1].Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal([TransferStage.RootAccepted], givenBack);
        }

        await AssertPaidOnceNeverVoidedAsync(held, destination, trader, amount);
    }

    /// <summary>
    /// Cancels <paramref name="held"/> while two of the three members cannot reach zk (the void gets one of the two signatures
    /// it needs), then withdraws the cancellation: the transfer waits out the void attested so far. Cancelling twice, and
    /// withdrawing before a cancellation or twice, are refused.
    /// </summary>
    private async Task CancelThenWithdrawAsync(string held)
    {
        using (var early = await devnet.Api.OperatorPostAsync($"/operator/transfers/{held}/resume", Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        SetMemberZkEndpoints(ProxyMode.Fail);
        try
        {
            await CancelAsync(held);
            using (var again = await devnet.Api.OperatorPostAsync($"/operator/transfers/{held}/cancel", Token))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            await Eventually.Until(() => devnet.Api.FindTransferAsync(held), t => t?.HeldReason?.StartsWith("voiding: 1 of 2 members attested", StringComparison.Ordinal) == true, "the void waits for a second member");
            using (var resumed = await devnet.Api.OperatorPostAsync($"/operator/transfers/{held}/resume", Token))
            {
                Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
            }

            using (var twice = await devnet.Api.OperatorPostAsync($"/operator/transfers/{held}/resume", Token))
            {
                Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            }

            await Eventually.Until(() => devnet.Api.FindTransferAsync(held), t => t?.HeldReason?.Contains("cancellation withdrawn by operator", StringComparison.Ordinal) == true && t.HeldReason.Contains("can execute until", StringComparison.Ordinal), "the transfer waits out the void attested so far");
        }
        finally
        {
            SetMemberZkEndpoints(ProxyMode.Forward);
        }
    }

    /// <summary>By the chains' events: <paramref name="held"/> executed once and was never voided, the trader holds both transfers on the destination, and the books balance.</summary>
    private async Task AssertPaidOnceNeverVoidedAsync(string held, DevnetChain destination, DevAccount trader, BigInteger amount)
    {
        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.Equal((1, false), (ledger.Executions[held], ledger.Voids.Contains(held)));
        Assert.Equal(amount * 2, await DevnetFixture.VaultBalanceAsync(destination, trader.Address));
        Assert.Equal(ledger.Locked, ledger.Executed + ledger.Voided + ledger.InFlight);
    }

    private async Task ProvideLiquidityAsync(DevnetChain destination, BigInteger amount)
    {
        var admin = devnet.Devnet.Deployer;
        await DevnetFixture.Collateral(destination, admin).MintAndApproveAsync(amount);
        await BridgeWiring.SendAsync(destination.Node.Web3For(admin), destination.Contracts.Vault, new ProvideLiquidityFunction { Token = destination.Contracts.Token, Amount = amount });
    }

    /// <summary>The trader executes the transfer with its proof, from its own key (<c>mb execute</c>).</summary>
    private async Task ExecuteAsTraderAsync(string id, DevnetChain destination, DevAccount trader)
    {
        var (code, output) = await MbProcess.RunAsync(
            ["execute", id, "--api", devnet.Api.Http.BaseAddress!.ToString(), "--rpc", destination.Node.RpcUrl],
            new Dictionary<string, string> { ["MB_PRIVATE_KEY"] = trader.PrivateKey });
        Assert.True(code == 0, output);
    }

    /// <summary>Two transfers into <paramref name="destination"/> that together exceed its liquidity: one is paid, the other, its root accepted, waits; its id.</summary>
    private async Task<(DevAccount Trader, BigInteger Amount, string Held)> HeldInAcceptedBatchAsync(DevnetChain destination, params DevnetChain[] sources)
    {
        var (trader, amount, ids) = await TransferTestSteps.SendOverLiquidityAsync(devnet, destination, sources);
        var views = await Eventually.Until(
            () => Task.WhenAll(ids.Select(devnet.Api.FindTransferAsync)),
            v => v.Count(t => t?.Stage == TransferStage.Executed) == 1 && v.Count(t => t?.Stage == TransferStage.Held && t.Steps.Any(s => s.Stage == TransferStage.RootAccepted)) == 1,
            "one transfer is executed and the other, its root accepted, held for liquidity",
            TimeSpan.FromSeconds(90));
        return (trader, amount, views.Single(t => t!.Stage == TransferStage.Held)!.Id);
    }

    private void SetMemberZkEndpoints(ProxyMode mode)
    {
        foreach (var proxy in devnet.MemberZkProxies(1).Concat(devnet.MemberZkProxies(2)))
        {
            proxy.Mode = mode;
        }
    }

    private async Task CancelAsync(string id)
    {
        using var cancelled = await devnet.Api.OperatorPostAsync($"/operator/transfers/{id}/cancel", Token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    /// <summary>
    /// The committee voids <paramref name="id"/> on its destination and the refund crosses back from the destination vault to the
    /// sender; by the chains' events the original never executed, the refund executed once, the books balance, and neither can be
    /// cancelled again.
    /// </summary>
    private async Task AssertRefundedOnceAsync(string id, DevnetChain source, DevnetChain destination, string sender, BigInteger amount)
    {
        var voided = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Voided, TimeSpan.FromSeconds(60));
        Assert.Contains(voided.Steps, s => s.Stage == TransferStage.Voiding && s.Detail.StartsWith("void asked", StringComparison.Ordinal));
        var refundId = RefundId().Match(voided.Steps.Last(s => s.Stage == TransferStage.Voided).Detail).Groups[1].Value;
        await TransferTestSteps.MakeHardFinalAsync(destination);
        var refund = await TransferTestSteps.AwaitStageAsync(devnet.Api, refundId, TransferStage.Executed, TimeSpan.FromSeconds(90));
        Assert.Equal(
            (destination.Options.ChainId, source.Options.ChainId, destination.Contracts.Vault.ToLowerInvariant(), sender.ToLowerInvariant(), amount.ToString(CultureInfo.InvariantCulture)),
            (refund.SrcChainId, refund.DstChainId, refund.Account, refund.Recipient, refund.Amount));

        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.Contains(id, ledger.Voids);
        Assert.False(ledger.Executions.ContainsKey(id));
        Assert.Equal(1, ledger.Executions[refundId]);
        Assert.Equal(ledger.Locked, ledger.Executed + ledger.Voided + ledger.InFlight);

        foreach (var transfer in new[] { id, refundId })
        {
            using var again = await devnet.Api.OperatorPostAsync($"/operator/transfers/{transfer}/cancel", Token);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
    }

    [GeneratedRegex("as transfer (0x[0-9a-f]{64})")]
    private static partial Regex RefundId();
}
