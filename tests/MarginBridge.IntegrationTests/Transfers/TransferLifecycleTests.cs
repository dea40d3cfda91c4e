using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Devnet;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>The relayer follows every outbound transfer through source finality, and a transfer explains where it is.</summary>
[Collection(DevnetCollection.Name)]
public sealed class TransferLifecycleTests(DevnetFixture devnet)
{
    private static Task<(string Id, long Block)> InitiateAsync(DevnetChain source, DevnetChain destination, Devnet.Processes.DevAccount trader, long amount) =>
        TransferTestSteps.InitiateAsync(source, destination, trader, amount);

    private Task<TransferResponse> AwaitStageAsync(string id, TransferStage stage) => TransferTestSteps.AwaitStageAsync(devnet.Api, id, stage);

    [Fact]
    public async Task OutboundTransfer_GoesThroughEveryStage_ToExecuted_WithEveryStepExplainedAndJournaled()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Hub, trader, 9_000);
        var (id, block) = await InitiateAsync(devnet.Hub, devnet.Zk, trader, 9_000);

        var observed = await AwaitStageAsync(id, TransferStage.Observed);
        Assert.Equal((devnet.Hub.Options.ChainId, devnet.Zk.Options.ChainId, "9000", block), (observed.SrcChainId, observed.DstChainId, observed.Amount, observed.SourceBlock));
        Assert.Equal(trader.Address.ToLowerInvariant(), observed.Account);

        await DevnetFixture.MineAsync(devnet.Hub, 2);
        var executed = await AwaitStageAsync(id, TransferStage.Executed);
        TransferStage[] lifecycle = [TransferStage.Observed, TransferStage.SourceHardFinal, TransferStage.Batched, TransferStage.RootAttested, TransferStage.RootAccepted, TransferStage.Executed];
        Assert.Equal(lifecycle, executed.Steps.Select(s => s.Stage));
        Assert.Equal(block, executed.Steps[0].Block);
        Assert.Contains("hard-final", executed.Steps[1].Detail, StringComparison.Ordinal);
        Assert.Contains($"batch {executed.BatchNumber}", executed.Steps[2].Detail, StringComparison.Ordinal);
        Assert.Contains("signed by 2 members", executed.Steps[3].Detail, StringComparison.Ordinal);
        Assert.Contains("credited", executed.Steps[5].Detail, StringComparison.Ordinal);

        var journal = await devnet.Api.Http.GetFromJsonAsync<JsonElement>($"/transfers/{id}/journal");
        Assert.Equal(
            lifecycle.Select((stage, i) => (i, (string?)stage.ToString())),
            journal.EnumerateArray().Select(row => (row.GetProperty("sequence").GetInt32(), row.GetProperty("kind").GetString())));
        Assert.Equal($"relayer of chain {devnet.Hub.Options.ChainId}", journal[0].GetProperty("actor").GetString());
        Assert.Equal($"route {devnet.Hub.Options.ChainId}→{devnet.Zk.Options.ChainId}", journal[5].GetProperty("actor").GetString());

        var listed = await devnet.Api.Http.GetFromJsonAsync<JsonElement>($"/accounts/{trader.Address}/transfers");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task TransferReorganisedAwayBeforeFinality_IsDropped_AndSaysWhy()
    {
        var chain = devnet.Hub;
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(chain, trader, 500);
        var snapshot = await chain.Node.RpcAsync<string>("evm_snapshot");
        var (id, _) = await InitiateAsync(chain, devnet.AppChain, trader, 500);
        await AwaitStageAsync(id, TransferStage.Observed);

        Assert.True(await chain.Node.RpcAsync<bool>("evm_revert", snapshot));
        await DevnetFixture.MineAsync(chain, 2);
        var dropped = await AwaitStageAsync(id, TransferStage.Dropped);
        Assert.Contains("reorg", dropped.Steps[^1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/transfers/0x1234", HttpStatusCode.BadRequest)]
    [InlineData("/transfers/0x00000000000000000000000000000000000000000000000000000000000000ff", HttpStatusCode.NotFound)]
    public async Task MalformedOrUnknownTransferId_IsAnsweredWithProblemDetails(string path, HttpStatusCode expected)
    {
        using var response = await devnet.Api.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
