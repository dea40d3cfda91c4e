using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>POST /moves: a move the account signed is started by the bridge and ends in the same pipeline; a bad one changes nothing.</summary>
[Collection(DevnetCollection.Name)]
public sealed class MoveRequestTests(DevnetFixture devnet)
{
    private static Task<BigInteger> BalanceAsync(DevnetChain chain, DevAccount account) => DevnetFixture.VaultBalanceAsync(chain, account.Address);

    [Fact]
    public async Task SignedMoveRequest_IsStartedByTheBridge_AndExecutedOnTheDestination()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Optimistic, trader, 5_000);
        var body = SignedMoves.Create(trader, devnet.Optimistic, devnet.AppChain, 1_500, 1, SignedMoves.Deadline);

        using var response = await devnet.Api.Http.PostAsJsonAsync("/moves", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var move = (await response.Content.ReadFromJsonAsync<MoveResponse>())!;
        Assert.Equal($"/transfers/{move.Id}", response.Headers.Location?.OriginalString);

        await TransferTestSteps.MakeHardFinalAsync(devnet.Optimistic);
        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, move.Id!, TransferStage.Executed);
        Assert.Equal(trader.Address.ToLowerInvariant(), executed.Account);
        Assert.Equal(3_500, await BalanceAsync(devnet.Optimistic, trader));
        Assert.Equal(1_500, await BalanceAsync(devnet.AppChain, trader));

        using var replay = await devnet.Api.Http.PostAsJsonAsync("/moves", body);
        await AssertNamesFieldAsync(replay, "nonce");
    }

    [Theory]
    [InlineData("unsigned", "signature")]
    [InlineData("signed by another key", "signature")]
    [InlineData("signed for another chain's vault", "signature")]
    [InlineData("expired", "deadline")]
    [InlineData("unknown source chain", "fromChainId")]
    [InlineData("unknown destination chain", "toChainId")]
    [InlineData("same chain", "toChainId")]
    [InlineData("unlisted token", "token")]
    [InlineData("zero amount", "amount")]
    [InlineData("negative amount", "amount")]
    [InlineData("more than the balance", "amount")]
    [InlineData("malformed account", "account")]
    public async Task BadMoveRequest_Gets400NamingTheField_AndChangesNothing(string flaw, string field)
    {
        var trader = await devnet.NewAccountAsync();
        var stranger = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Hub, trader, 1_000);
        var good = SignedMoves.Create(trader, devnet.Hub, devnet.Zk, 400, 7, SignedMoves.Deadline);
        var body = flaw switch
        {
            "unsigned" => good with { Signature = null },
            "signed by another key" => good with { Signature = SignedMoves.Create(stranger, devnet.Hub, devnet.Zk, 400, 7, good.Deadline!.Value).Signature },
            "signed for another chain's vault" => good with { Signature = SignedMoves.Create(trader, devnet.Optimistic, devnet.Zk, 400, 7, good.Deadline!.Value).Signature },
            "expired" => SignedMoves.Create(trader, devnet.Hub, devnet.Zk, 400, 7, 1_000),
            "unknown source chain" => good with { FromChainId = 999 },
            "unknown destination chain" => good with { ToChainId = 999 },
            "same chain" => good with { ToChainId = devnet.Hub.Options.ChainId },
            "unlisted token" => good with { Token = "0x00000000000000000000000000000000000000aa" },
            "zero amount" => good with { Amount = "0" },
            "negative amount" => good with { Amount = "-5" },
            "more than the balance" => SignedMoves.Create(trader, devnet.Hub, devnet.Zk, 1_001, 7, SignedMoves.Deadline),
            "malformed account" => good with { Account = "0x1234" },
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        using var response = await devnet.Api.Http.PostAsJsonAsync("/moves", body);
        await AssertNamesFieldAsync(response, field);
        Assert.Equal(1_000, await BalanceAsync(devnet.Hub, trader));
        Assert.Empty(await devnet.Api.Http.GetFromJsonAsync<JsonElement[]>($"/accounts/{trader.Address}/transfers") ?? []);
    }

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
    }
}
