using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.RegularExpressions;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>An operator cancels a transfer that left its source but has not executed: voided on its destination, refunded to its sender.</summary>
[Collection(DevnetCollection.Name)]
public sealed partial class TransferCancellationTests(DevnetFixture devnet)
{
    [Fact]
    public async Task CancelledTransferInTheSourceOutbox_IsVoidedOnItsDestination_AndItsAmountReturnsToTheSender_ExactlyOnce()
    {
        var (source, destination) = (devnet.AppChain, devnet.Optimistic);
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(source, trader, 50_000);
        var token = devnet.Devnet.OperatorToken;
        var scope = BreakerScope.Route(source.Options.ChainId, destination.Options.ChainId);

        // The route's breaker keeps the transfer queued: it left the trader's balance and sits in the outbox, owed at the destination.
        using (await devnet.Api.OperatorPostAsync($"/operator/breakers/{scope}/trip", token, JsonContent.Create(new { reason = "cancellation test" })))
        {
        }

        string id;
        try
        {
            id = (await TransferTestSteps.InitiateAsync(source, destination, trader, 7_000)).Id;
            await TransferTestSteps.MakeHardFinalAsync(source);
            await Eventually.Until(() => devnet.Api.FindTransferAsync(id), t => t?.HeldReason?.Contains(scope, StringComparison.Ordinal) == true, "the transfer waits for the route's breaker");

            using var cancelled = await devnet.Api.OperatorPostAsync($"/operator/transfers/{id}/cancel", token);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }
        finally
        {
            using (await devnet.Api.OperatorPostAsync($"/operator/breakers/{scope}/reset", token, JsonContent.Create(new { reason = "done" })))
            {
            }

            await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.State == BreakerState.Closed, $"{scope} closes again", TimeSpan.FromSeconds(30));
        }

        // The committee voids it on the destination; the refund crosses back as a transfer from the destination vault.
        var voided = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Voided, TimeSpan.FromSeconds(60));
        var refundId = RefundId().Match(voided.Steps[^1].Detail).Groups[1].Value;
        Assert.Contains(voided.Steps, s => s.Stage == TransferStage.Voiding && s.Detail.StartsWith("void asked", StringComparison.Ordinal));
        await TransferTestSteps.MakeHardFinalAsync(destination);
        var refund = await TransferTestSteps.AwaitStageAsync(devnet.Api, refundId, TransferStage.Executed, TimeSpan.FromSeconds(90));
        Assert.Equal(
            (destination.Options.ChainId, source.Options.ChainId, destination.Contracts.Vault.ToLowerInvariant(), trader.Address.ToLowerInvariant(), "7000"),
            (refund.SrcChainId, refund.DstChainId, refund.Account, refund.Recipient, refund.Amount));

        // On chain: the original never executed and can no longer; the refund executed once; the trader has every unit back.
        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.Contains(id, ledger.Voids);
        Assert.False(ledger.Executions.ContainsKey(id));
        Assert.Equal(1, ledger.Executions[refundId]);
        Assert.Equal(ledger.Locked, ledger.Executed + ledger.Voided + ledger.InFlight);
        Assert.Equal(new BigInteger(50_000), await BalanceAsync(source, trader.Address));
        Assert.Equal(BigInteger.Zero, await BalanceAsync(destination, trader.Address));

        // The account shows the move and its refund: all 50,000 back on the source chain once final.
        await TransferTestSteps.MakeHardFinalAsync(source);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.On(source.Options.ChainId) == (0, 50_000), "the account has its 50,000 back, final");

        // Neither can be cancelled again.
        using var again = await devnet.Api.OperatorPostAsync($"/operator/transfers/{id}/cancel", token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var refundCancel = await devnet.Api.OperatorPostAsync($"/operator/transfers/{refundId}/cancel", token);
        Assert.Equal(HttpStatusCode.Conflict, refundCancel.StatusCode);
    }

    private static Task<BigInteger> BalanceAsync(Devnet.DevnetChain chain, string account) =>
        chain.Node.Web3For(chain.Node.Accounts[0]).Eth.GetContractQueryHandler<VaultBalanceOfFunction>()
            .QueryAsync<BigInteger>(chain.Contracts.Vault, new VaultBalanceOfFunction { Account = account, Token = chain.Contracts.Token });

    [GeneratedRegex("as transfer (0x[0-9a-f]{64})")]
    private static partial Regex RefundId();
}
