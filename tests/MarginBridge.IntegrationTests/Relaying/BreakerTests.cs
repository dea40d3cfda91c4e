using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.IntegrationTests.Transfers;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>
/// Circuit breakers on the devnet: a price crash opens its asset's breaker by itself; an operator's
/// trip holds a chain's transfers, visibly, until the operator resets it; a global trip pauses every
/// vault through the guardian role; every change is journaled with who made it.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class BreakerTests(DevnetFixture devnet) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>These tests move prices: each leaves them calm and no halt behind.</summary>
    public Task DisposeAsync() => devnet.CalmAsync();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private async Task<BreakerStatus> BreakerAsync(string scope) =>
        (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope);

    private Task<HttpResponseMessage> OperatorAsync(string path, string? reason, string? token) =>
        devnet.Api.OperatorPostAsync(path, token, JsonContent.Create(new { reason }));

    [Fact]
    public async Task PriceCrash_OpensTheAssetsBreakerByItself()
    {
        var feed = devnet.Devnet.PriceFeed("ETH");
        await feed.SubmitAsync(2_000m);
        await Eventually.Until(() => devnet.Api.PricesAsync(), ps => ps.Single(p => p.Asset == "ETH").Price == 200_000_000_000, "the oracle reads 2,000");
        await feed.SubmitAsync(1_000m);
        var crashed = await Eventually.Until(() => devnet.Api.PricesAsync(), ps => ps.Single(p => p.Asset == "ETH").Price == 100_000_000_000, "the oracle reads 1,000");
        var round = crashed.Single(p => p.Asset == "ETH").Round;

        // The largest move within the window to the latest round: at least this test's 50 %.
        var open = await Eventually.Until(
            () => BreakerAsync(BreakerScope.Asset("ETH")),
            b => b.State == BreakerState.Open && b.ActiveTriggers.TryGetValue("price-jump", out var why) && why.Contains($"→ {round})", StringComparison.Ordinal),
            "the ETH breaker is open on the jump to the crashed round");
        Assert.StartsWith("ETH moved ", open.ActiveTriggers["price-jump"], StringComparison.Ordinal);
        Assert.Contains(open.History, t => t.To == BreakerState.Open && t.Actor == "price-jump");
        Assert.Null(open.TrippedBy);
    }

    [Fact]
    public async Task OperatorTrip_HoldsTheChainsTransfers_UntilTheOperatorResetsIt_AndEveryChangeIsJournaled()
    {
        var token = devnet.Devnet.OperatorToken;
        var scope = BreakerScope.Chain(devnet.AppChain.Options.ChainId);
        using (var unauthenticated = await OperatorAsync($"/operator/breakers/{scope}/trip", "incident", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }

        using (var noReason = await OperatorAsync($"/operator/breakers/{scope}/trip", " ", token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknown = await OperatorAsync("/operator/breakers/chain-999/trip", "incident", token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("scope", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.AppChain, trader, 30_000);
        using (var trip = await OperatorAsync($"/operator/breakers/{scope}/trip", "app-chain validator set under review", token))
        {
            Assert.Equal(HttpStatusCode.OK, trip.StatusCode);
        }

        try
        {
            var id = (await TransferTestSteps.InitiateAsync(devnet.AppChain, devnet.Zk, trader, 4_000)).Id;
            var held = await Eventually.Until(
                () => devnet.Api.FindTransferAsync(id),
                t => t?.HeldReason?.Contains($"halted by circuit breaker {scope}", StringComparison.Ordinal) == true,
                "the transfer is held by the breaker");
            Assert.Contains("app-chain validator set under review", held!.HeldReason, StringComparison.Ordinal);
            Assert.Null(held.BatchNumber);
            Assert.Equal("devnet-operator", (await BreakerAsync(scope)).TrippedBy);
        }
        finally
        {
            using var reset = await OperatorAsync($"/operator/breakers/{scope}/reset", "review done", token);
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        Assert.Equal(BreakerState.Closed, (await BreakerAsync(scope)).State);
        var transfers = await devnet.Api.AccountTransfersAsync(trader.Address);
        await TransferTestSteps.AwaitStageAsync(devnet.Api, Assert.Single(transfers).Id, TransferStage.Executed, TimeSpan.FromSeconds(60));

        var journal = await devnet.Api.Http.GetFromJsonAsync<JsonElement[]>($"/breakers/{scope}/journal", Json);
        Assert.Equal(
            [("Breaker:Open", "operator devnet-operator"), ("Breaker:Closed", "operator devnet-operator")],
            journal!.TakeLast(2).Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("actor").GetString())));
    }

    [Fact]
    public async Task GlobalTrip_PausesEveryVaultThroughTheGuardian_AndOnlyTheAdminUnpausesThem()
    {
        var token = devnet.Devnet.OperatorToken;
        using (var trip = await OperatorAsync($"/operator/breakers/{BreakerScope.Global}/trip", "exploit suspected on a venue", token))
        {
            Assert.Equal(HttpStatusCode.OK, trip.StatusCode);
        }

        try
        {
            foreach (var chain in devnet.Devnet.Chains)
            {
                await Eventually.Until(() => PausedAsync(chain), paused => paused, $"the vault on {chain.Options.Name} is paused");
            }

            var journal = await devnet.Api.Http.GetFromJsonAsync<JsonElement[]>($"/breakers/{BreakerScope.Global}/journal", Json);
            var pauses = journal!.Where(e => e.GetProperty("kind").GetString() == "Guardian:pause").Select(e => e.GetProperty("detail").GetString()!).ToList();
            Assert.All(devnet.Devnet.Chains, c => Assert.Contains(pauses, p => p.Contains($"the vault on {c.Options.Name}", StringComparison.Ordinal)));
        }
        finally
        {
            using var reset = await OperatorAsync($"/operator/breakers/{BreakerScope.Global}/reset", "venue cleared", token);
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

            // Closing the breaker does not resume the chains: that takes the vaults' admin.
            foreach (var chain in devnet.Devnet.Chains)
            {
                Assert.True(await PausedAsync(chain));
                await BridgeWiring.SendAsync(chain.Node.Web3For(devnet.Devnet.Deployer), chain.Contracts.Vault, new UnpauseFunction());
                Assert.False(await PausedAsync(chain));
            }
        }
    }

    private static Task<bool> PausedAsync(Devnet.DevnetChain chain) =>
        chain.Node.Web3For(chain.Node.Accounts[0]).Eth.GetContractQueryHandler<PausedFunction>().QueryAsync<bool>(chain.Contracts.Vault, new PausedFunction());
}
