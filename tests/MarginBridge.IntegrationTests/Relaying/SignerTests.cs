using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Committee;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>The devnet's committee members are separate `mb signer` processes that verify on the source chain before signing.</summary>
[Collection(DevnetCollection.Name)]
public sealed class SignerTests(DevnetFixture devnet)
{
    private sealed record Sent(DevnetChain Source, DevnetChain Destination, TransferInitiatedEvent Event, long Block);

    private async Task<Sent> SendAsync(DevnetChain source, DevnetChain destination, long amount)
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(source, trader, amount);
        var receipt = await BridgeWiring.SendAsync(source.Node.Web3For(trader), source.Contracts.Vault,
            new InitiateTransferFunction { DstChainId = (ulong)destination.Node.ChainId, Token = source.Contracts.Token, Amount = amount, Recipient = trader.Address });
        return new Sent(source, destination, receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event, (long)receipt.BlockNumber.Value);
    }

    private static object Body(Sent sent, ulong batchNumber, string? amount = null) => new
    {
        route = new { srcChainId = sent.Source.Node.ChainId, srcContract = sent.Source.Contracts.Vault, dstChainId = sent.Destination.Node.ChainId, dstContract = sent.Destination.Contracts.Vault },
        batchNumber,
        sourceBlock = sent.Block,
        transfers = new[] { new { nonce = sent.Event.Nonce, expiry = 0, token = sent.Destination.Contracts.Token, recipient = sent.Event.Recipient, amount = amount ?? sent.Event.Amount.ToString() } },
    };

    private static async Task<(HttpStatusCode Status, AttestationResponse Answer)> AskAsync(string signer, object body)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{signer}/attestations", body);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<AttestationResponse>())!);
    }

    [Fact]
    public async Task EveryMemberSignsAFinalBatchItVerified_AndTwoSignaturesAreAcceptedOnTheDestination()
    {
        var sent = await SendAsync(devnet.AppChain, devnet.Hub, 3_000);
        // A batch number far above the relayer's own, which batches the same transfer on its own meanwhile.
        const ulong batchNumber = 900_002;
        var answers = await Task.WhenAll(devnet.Devnet.Signers.Select(s => AskAsync(s.HttpUrl, Body(sent, batchNumber))));
        Assert.All(answers, a => Assert.True(a.Answer.IsSigned, a.Answer.Refusal));
        Assert.Single(answers.Select(a => a.Answer.Root).Distinct());

        var signatures = answers.Select(a => a.Answer).OrderBy(a => a.Member.ToLowerInvariant(), StringComparer.Ordinal).Take(2)
            .Select(a => new SignatureStruct { R = a.R!.HexToByteArray(), S = a.S!.HexToByteArray(), V = (byte)a.V!.Value }).ToList();
        var relayer = sent.Destination.Node.Web3For(sent.Destination.Node.Accounts[0]);
        var accepted = await BridgeWiring.SendAsync(relayer, sent.Destination.Contracts.Vault, new SubmitRootFunction
        {
            SrcChainId = (ulong)sent.Source.Node.ChainId, SrcContract = sent.Source.Contracts.Vault, BatchNumber = batchNumber, Root = answers[0].Answer.Root!.HexToByteArray(), MessageCount = 1, Signatures = signatures,
        });
        Assert.Single(accepted.DecodeAllEvents<RootAcceptedEvent>());
    }

    [Fact]
    public async Task MemberRefusesATransferThatIsNotInTheSourceOutbox_AndSaysWhy()
    {
        var sent = await SendAsync(devnet.AppChain, devnet.Optimistic, 4_000);
        var (status, answer) = await AskAsync(devnet.Devnet.Signers[0].HttpUrl, Body(sent, 1, amount: "4000000"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(answer.IsSigned);
        Assert.Contains("not proven in the source vault's outbox", answer.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberRefusesABlockThatIsNotHardFinalYet()
    {
        // From the optimistic chain: its finality is 20 s of chain time, which no other flow's blocks bring about
        // meanwhile (the hub's three confirmations could come from any transaction the silo sends there).
        var sent = await SendAsync(devnet.Optimistic, devnet.AppChain, 5_000);
        var (status, answer) = await AskAsync(devnet.Devnet.Signers[1].HttpUrl, Body(sent, 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not hard-final yet", answer.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedRequest_Answers400NamingTheField()
    {
        var sent = await SendAsync(devnet.AppChain, devnet.Hub, 6_000);
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{devnet.Devnet.Signers[2].HttpUrl}/attestations", Body(sent, 1, amount: "-5"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("transfers[0].amount", out _), problem.ToString());
    }
}
