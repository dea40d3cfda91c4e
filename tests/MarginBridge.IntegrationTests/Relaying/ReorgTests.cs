using System.Net.Http.Json;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>Real reorgs on anvil (snapshot, deposit, revert, mine a different chain).</summary>
[Collection(DevnetCollection.Name)]
public sealed class ReorgTests(DevnetFixture devnet)
{
    private async Task<BreakerStatus> BreakerAsync(long chainId) =>
        (await devnet.Api.BreakersAsync()).Single(b => b.Scope == BreakerScope.Chain(chainId));

    [Fact]
    public async Task ReorgShallowerThanFinality_RevokesThePendingCredit_AndKeepsTheFinalOne()
    {
        var chain = devnet.Hub;
        var chainId = chain.Options.ChainId;
        var account = await devnet.NewAccountAsync();
        var collateral = DevnetFixture.Collateral(chain, account);
        await collateral.MintAndApproveAsync(150);
        await using var blocks = await HeldBlocks.HoldAsync(chain);
        await blocks.DepositAsync(collateral, account.Address, 100);
        await DevnetFixture.MineAsync(chain, 2);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chainId) == (0, 100), "the first deposit is final");

        var snapshot = await chain.Node.RpcAsync<string>("evm_snapshot");
        await blocks.DepositAsync(collateral, account.Address, 50);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chainId) == (50, 100), "the second deposit is pending");
        Assert.True(await chain.Node.RpcAsync<bool>("evm_revert", snapshot));
        await DevnetFixture.MineAsync(chain, 2);

        var view = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.RevokedDeposits == 1, "the reorg revokes the pending deposit");
        Assert.Equal((0, 100), view.On(chainId));
        Assert.Equal(1, view.Deposits);
        var reorg = (await devnet.Api.ChainAsync(chainId)).LastReorg;
        Assert.NotNull(reorg);
        Assert.False(reorg.DeeperThanFinality);
        Assert.Equal(1, reorg.RevokedDeposits);
    }

    [Fact]
    public async Task ReorgDeeperThanFinality_IsRecordedOnTheChainStatus()
    {
        var chain = devnet.AppChain;
        var chainId = chain.Options.ChainId;
        var account = await devnet.NewAccountAsync();
        var collateral = DevnetFixture.Collateral(chain, account);
        await collateral.MintAndApproveAsync(70);
        var before = (await devnet.Api.ChainAsync(chainId)).DeepReorgCount;

        var snapshot = await chain.Node.RpcAsync<string>("evm_snapshot");
        await collateral.DepositAsync(70);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chainId) == (0, 70), "the app-chain deposit is final");
        Assert.True(await chain.Node.RpcAsync<bool>("evm_revert", snapshot));
        await DevnetFixture.MineAsync(chain, 3);

        var status = await Eventually.Until(() => devnet.Api.ChainAsync(chainId), s => s.DeepReorgCount == before + 1, "the deep reorg is recorded");
        Assert.True(status.LastReorg!.DeeperThanFinality);
        // A final credit is never silently taken back: it stays, logged as an error for an operator,
        // and the chain's circuit breaker opens by itself.
        Assert.Equal((0, 70), (await devnet.Api.AccountAsync(account.Address)).On(chainId));
        var breaker = await Eventually.Until(() => BreakerAsync(chainId), b => b.State == BreakerState.Open, "the chain's breaker opens on the deep reorg");
        Assert.Contains("deeper than appchain's finality", breaker.ActiveTriggers["deep-reorg"], StringComparison.Ordinal);

        // Routes out of the chain stop until an authenticated operator has reviewed the reorg.
        Assert.True(status.StoppedByDeepReorg);
        using (var anonymous = await devnet.Api.OperatorPostAsync($"/operator/chains/{chainId}/acknowledge-reorg", null))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var wrongToken = await devnet.Api.OperatorPostAsync($"/operator/chains/{chainId}/acknowledge-reorg", "not-the-token"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        }

        Assert.True((await devnet.Api.ChainAsync(chainId)).StoppedByDeepReorg);
        using var acknowledged = await devnet.Api.OperatorPostAsync($"/operator/chains/{chainId}/acknowledge-reorg", devnet.Devnet.OperatorToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.False((await devnet.Api.ChainAsync(chainId)).StoppedByDeepReorg);
        Assert.NotEqual(BreakerState.Open, (await BreakerAsync(chainId)).State);
        var journal = await devnet.Api.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/chains/{chainId}/journal");
        Assert.Contains(journal.EnumerateArray(), row => row.GetProperty("kind").GetString() == "Operator:acknowledge-reorg" && row.GetProperty("actor").GetString() == "operator devnet-operator");
    }
}
