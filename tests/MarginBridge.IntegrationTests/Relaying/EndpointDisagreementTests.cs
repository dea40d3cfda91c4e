using MarginBridge.Abstractions.Breakers;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>Two endpoints of one chain naming different hashes for its hard-final block open the chain's breaker until they agree again.</summary>
[Collection(DevnetCollection.Name)]
public sealed class EndpointDisagreementTests(DevnetFixture devnet)
{
    [Fact]
    public async Task AnEndpointLyingAboutBlockHashes_OpensTheChainBreaker_UntilItTellsTheTruth()
    {
        // The endpoint the relayer does not read from lies: only the agreement check, which asks
        // every endpoint, hears it. (A lying serving endpoint makes the relayer see a reorg instead,
        // which the reorg tests cover; one deeper than finality would stop the chain for an operator.)
        var scope = BreakerScope.Chain(devnet.Zk.Options.ChainId);
        await DevnetFixture.AdvanceChainTimeAsync(devnet.Zk, devnet.Zk.Options.Finality.ProofDelaySeconds + 1);
        var status = await Eventually.Until(() => devnet.Api.ChainAsync(devnet.Zk.Options.ChainId), c => c.HardFinalHeight >= 0, "the zk chain has a hard-final block to compare");
        var idle = status.Endpoints.First(e => !e.Serving);
        var liar = devnet.ZkProxies.Single(p => new Uri(p.Url).Port == new Uri(idle.Endpoint).Port);
        liar.Lie = RpcLies.WrongBlockHashes;
        liar.Mode = ProxyMode.Lie;
        try
        {
            var open = await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.ActiveTriggers.ContainsKey("rpc-disagreement"), "the zk breaker sees the disagreement");
            Assert.Equal(BreakerState.Open, open.State);
            Assert.Contains("disagree on block", open.ActiveTriggers["rpc-disagreement"], StringComparison.Ordinal);
        }
        finally
        {
            liar.Mode = ProxyMode.Forward;
        }

        await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.State == BreakerState.Closed, "the endpoints agree and the breaker closes", TimeSpan.FromSeconds(30));
        Assert.False((await devnet.Api.ChainAsync(devnet.Zk.Options.ChainId)).StoppedByDeepReorg);
    }
}
