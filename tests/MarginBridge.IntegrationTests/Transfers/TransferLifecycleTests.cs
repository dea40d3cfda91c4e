using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>The relayer follows every outbound transfer through source finality, and a transfer explains where it is.</summary>
[Collection(DevnetCollection.Name)]
public sealed class TransferLifecycleTests(DevnetFixture devnet)
{
    private static async Task<(string Id, long Block)> InitiateAsync(DevnetChain source, DevnetChain destination, Devnet.Processes.DevAccount trader, long amount)
    {
        var receipt = await BridgeWiring.SendAsync(source.Node.Web3For(trader), source.Contracts.Vault,
            new InitiateTransferFunction { DstChainId = (ulong)destination.Node.ChainId, Token = source.Contracts.Token, Amount = amount, Recipient = trader.Address });
        return (receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event.Leaf.ToHex(prefix: true), (long)receipt.BlockNumber.Value);
    }

    private async Task<TransferResponse> AwaitStageAsync(string id, TransferStage stage) => await Eventually.Until<TransferResponse?>(
        async () =>
        {
            try
            {
                return await devnet.Api.TransferAsync(id);
            }
            catch (Cli.Api.ApiProblemException e) when (e.Status == 404)
            {
                return null;
            }
        },
        t => t?.Stage == stage,
        $"transfer {id} is {stage}") ?? throw new InvalidOperationException("unreachable");

    [Fact]
    public async Task OutboundTransfer_IsObserved_ThenSourceHardFinal_WithEveryStepExplained()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Hub, trader, 9_000);
        var (id, block) = await InitiateAsync(devnet.Hub, devnet.Zk, trader, 9_000);

        var observed = await AwaitStageAsync(id, TransferStage.Observed);
        Assert.Equal((devnet.Hub.Options.ChainId, devnet.Zk.Options.ChainId, "9000", block), (observed.SrcChainId, observed.DstChainId, observed.Amount, observed.SourceBlock));
        Assert.Equal(trader.Address.ToLowerInvariant(), observed.Account);

        await DevnetFixture.MineAsync(devnet.Hub, 2);
        var final = await AwaitStageAsync(id, TransferStage.SourceHardFinal);
        Assert.Equal([TransferStage.Observed, TransferStage.SourceHardFinal], final.Steps.Select(s => s.Stage));
        Assert.All(final.Steps, s => Assert.Equal(block, s.Block));
        Assert.Contains("hard-final", final.Steps[1].Detail, StringComparison.Ordinal);

        var journal = await devnet.Api.Http.GetFromJsonAsync<JsonElement>($"/transfers/{id}/journal");
        Assert.Equal(
            [(0, "Observed"), (1, "SourceHardFinal")],
            journal.EnumerateArray().Select(row => (row.GetProperty("sequence").GetInt32(), row.GetProperty("kind").GetString())));
        Assert.All(journal.EnumerateArray(), row => Assert.Equal($"relayer of chain {devnet.Hub.Options.ChainId}", row.GetProperty("actor").GetString()));

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
