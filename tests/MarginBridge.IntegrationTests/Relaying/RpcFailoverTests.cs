using MarginBridge.Abstractions.Breakers;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Rpc;
using MarginBridge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>The zk chain is reached through two real proxies that the tests make fail or hang.</summary>
[Collection(DevnetCollection.Name)]
public sealed class RpcFailoverTests(DevnetFixture devnet) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var proxy in devnet.ZkProxies)
        {
            proxy.Mode = ProxyMode.Forward;
        }

        await Eventually.Until(() => devnet.Api.ChainAsync(devnet.Zk.Options.ChainId), s => s.Healthy, "the zk chain is healthy again", TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(ProxyMode.Fail)]
    [InlineData(ProxyMode.Hang)]
    public async Task BrokenEndpoint_IsBypassedThroughThePool_AndDepositsStillCredit(ProxyMode fault)
    {
        var chainId = devnet.Zk.Options.ChainId;
        devnet.ZkProxies[0].Mode = fault;
        var account = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Zk, account, 1_234);

        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chainId) == (1_234, 0), "the deposit is credited through the healthy endpoint");
        var status = await devnet.Api.ChainAsync(chainId);
        Assert.True(status.Healthy);
        Assert.NotNull(status.Endpoints[0].LastError);
        Assert.False(status.Endpoints[0].Serving);
        Assert.True(status.Endpoints[1].Serving);
    }

    [Fact]
    public async Task APoolWhoseEveryEndpointBroke_TriesThemAgainOnceTheirBreakIsOver()
    {
        await using var proxy = FaultProxy.OnFreePort(devnet.Zk.Node.RpcUrl);
        var pool = new RpcEndpointPool(
            new ChainOptions { Name = "zk", RpcUrls = [proxy.Url] },
            new RelayerOptions { RpcTimeoutMilliseconds = 1_000, EndpointBreakSeconds = 1 },
            TimeProvider.System,
            NullLogger.Instance);
        var reader = new ChainReader(pool);

        proxy.Mode = ProxyMode.Fail;
        await Assert.ThrowsAnyAsync<Exception>(() => reader.GetHeadAsync(CancellationToken.None));
        await Assert.ThrowsAsync<AllRpcEndpointsDownException>(() => reader.GetHeadAsync(CancellationToken.None));

        // Nothing but the pool's own calls goes through the endpoint: after its break the next call is its probe.
        proxy.Mode = ProxyMode.Forward;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.True((await reader.GetHeadAsync(CancellationToken.None)).Number > 0);
    }

    [Fact]
    public async Task EveryEndpointDown_ChainShowsUnhealthy_NothingIsCredited_ThenItCatchesUpOnce()
    {
        var chainId = devnet.Zk.Options.ChainId;
        devnet.ZkProxies[0].Mode = ProxyMode.Fail;
        devnet.ZkProxies[1].Mode = ProxyMode.Hang;
        var down = await Eventually.Until(() => devnet.Api.ChainAsync(chainId), s => !s.Healthy, "the chain shows unhealthy");
        Assert.NotNull(down.LastError);

        var account = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Zk, account, 999);
        var pollsBefore = devnet.ZkProxies.Sum(p => p.Requests);
        await Eventually.Until(() => Task.FromResult(devnet.ZkProxies.Sum(p => p.Requests)), n => n >= pollsBefore + 4, "the relayer keeps trying the dead endpoints");
        Assert.False((await devnet.Api.ChainAsync(chainId)).Healthy);
        Assert.Equal(0, (await devnet.Api.AccountAsync(account.Address)).Deposits);

        // Unreachable longer than Breakers:UnreachableSeconds (2 s in the test fixture): the chain's breaker opens.
        var breaker = await Eventually.Until(
            async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == BreakerScope.Chain(chainId)),
            b => b.ActiveTriggers.ContainsKey("unreachable"),
            "the zk chain's breaker opens while no poll succeeds");
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Contains("no poll of zk has succeeded", breaker.ActiveTriggers["unreachable"], StringComparison.Ordinal);

        devnet.ZkProxies[0].Mode = ProxyMode.Forward;
        devnet.ZkProxies[1].Mode = ProxyMode.Forward;
        var view = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 1, "the deposit is credited after recovery");
        Assert.Equal((999, 0), view.On(chainId));
        await Eventually.Until(
            async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == BreakerScope.Chain(chainId)),
            b => !b.ActiveTriggers.ContainsKey("unreachable") && b.State != BreakerState.Open,
            "the breaker probes once the chain answers again");
    }
}
