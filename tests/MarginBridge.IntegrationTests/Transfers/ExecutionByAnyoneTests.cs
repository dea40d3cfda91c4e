using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>
/// A transfer the destination cannot pay waits and says by how much; anyone can then finish it
/// with the proof from the API, and the relayer counts that execution as done.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class ExecutionByAnyoneTests(DevnetFixture devnet)
{
    [Fact]
    public async Task TransferTheDestinationCannotPay_IsHeldSayingByHowMuch_AndTheUsersOwnExecutionCountsAsDone()
    {
        var hub = devnet.Hub;
        var (trader, amount, ids) = await TransferTestSteps.SendOverLiquidityAsync(devnet, hub, devnet.Optimistic, devnet.AppChain);

        // Together they exceed the hub's free liquidity: one is paid, the other waits and says why.
        var views = await Eventually.Until(
            () => Task.WhenAll(ids.Select(id => devnet.Api.FindTransferAsync(id))),
            v => v.Count(t => t?.Stage == TransferStage.Executed) == 1 && v.Count(t => t?.Stage == TransferStage.Held && t.HeldReason!.Contains("short by", StringComparison.Ordinal) && t.Steps.Any(s => s.Stage == TransferStage.RootAccepted)) == 1,
            "one transfer is executed and the other, its root accepted, held for liquidity",
            TimeSpan.FromSeconds(60));
        var held = views.Single(t => t!.Stage == TransferStage.Held)!;
        var proof = await devnet.Api.ProofAsync(held.Id);
        Assert.True(proof.RootAccepted);
        Assert.False(proof.Executed);

        using (var retry = await devnet.Api.OperatorPostAsync($"/operator/transfers/{held.Id}/retry", devnet.Devnet.OperatorToken))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        var journal = await devnet.Api.Http.GetFromJsonAsync<JsonElement>($"/transfers/{held.Id}/journal");
        Assert.Contains(journal.EnumerateArray(), row => row.GetProperty("kind").GetString() == "Operator:retry" && row.GetProperty("actor").GetString() == "operator devnet-operator");

        // The relayer cannot pay gas on the hub for a moment; the user executes with the proof meanwhile.
        var submitter = devnet.Devnet.Submitter.Address;
        var gas = await hub.Node.Web3For(trader).Eth.GetBalance.SendRequestAsync(submitter);
        await hub.Node.RpcAsync<object>("anvil_setBalance", submitter, "0x0");
        try
        {
            var admin = devnet.Devnet.Deployer;
            await DevnetFixture.Collateral(hub, admin).MintAndApproveAsync(amount);
            await BridgeWiring.SendAsync(hub.Node.Web3For(admin), hub.Contracts.Vault, new ProvideLiquidityFunction { Token = hub.Contracts.Token, Amount = amount });

            var (code, output) = await MbProcess.RunAsync(
                ["execute", held.Id, "--api", devnet.Api.Http.BaseAddress!.ToString(), "--rpc", hub.Node.RpcUrl],
                new Dictionary<string, string> { ["MB_PRIVATE_KEY"] = trader.PrivateKey });
            Assert.True(code == 0, output);
            Assert.Contains("executed transfer", output, StringComparison.Ordinal);
        }
        finally
        {
            await hub.Node.RpcAsync<object>("anvil_setBalance", submitter, gas.HexValue);
        }

        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, held.Id, TransferStage.Executed);
        Assert.Contains("another party", executed.Steps[^1].Detail, StringComparison.Ordinal);
        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.All(ids, id => Assert.Equal(1, ledger.Executions[id]));

        var (again, message) = await MbProcess.RunAsync(
            ["execute", held.Id, "--api", devnet.Api.Http.BaseAddress!.ToString(), "--rpc", hub.Node.RpcUrl],
            new Dictionary<string, string> { ["MB_PRIVATE_KEY"] = trader.PrivateKey });
        Assert.Equal(0, again);
        Assert.Contains("already executed", message, StringComparison.Ordinal);
    }
}
