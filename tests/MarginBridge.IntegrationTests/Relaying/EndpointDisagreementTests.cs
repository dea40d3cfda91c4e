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
        var scope = BreakerScope.Chain(devnet.Zk.Options.ChainId);
        var liar = devnet.ZkProxies[1];
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
    }
}
