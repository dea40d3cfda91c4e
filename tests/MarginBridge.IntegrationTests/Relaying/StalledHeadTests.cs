using MarginBridge.Abstractions.Breakers;
using MarginBridge.Devnet;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>A devnet whose chains mine on their own (the profile's block times), so a head that stops is a fault.</summary>
public sealed class BlockTimeFixture : DevnetFixture
{
    public const int StalledHeadSeconds = 8;

    protected override bool UseBlockTimes => true;

    protected override void AdjustProfile(DevnetProfile profile) => profile.MarginBridge.Breakers.StalledHeadSeconds = StalledHeadSeconds;
}

[CollectionDefinition(Name)]
public sealed class BlockTimeCollection : ICollectionFixture<BlockTimeFixture>
{
    public const string Name = "block-times";
}

[Collection(BlockTimeCollection.Name)]
public sealed class StalledHeadTests(BlockTimeFixture devnet)
{
    [Fact]
    public async Task AChainWhoseHeadStopsAdvancing_OpensItsBreaker_WhichClosesByItselfOnceBlocksComeAgain()
    {
        var chain = devnet.AppChain;
        var scope = BreakerScope.Chain(chain.Options.ChainId);
        await Eventually.Until(() => BreakerAsync(scope), b => b.State == BreakerState.Closed, "the app-chain's breaker is closed while it mines every second");

        // The node still answers every call; it only stops producing blocks.
        await chain.Node.RpcAsync<object>("evm_setIntervalMining", 0);
        try
        {
            var open = await Eventually.Until(
                () => BreakerAsync(scope),
                b => b.State == BreakerState.Open && b.ActiveTriggers.ContainsKey("stalled-head"),
                "the app-chain's breaker opens on the stalled head",
                TimeSpan.FromSeconds(BlockTimeFixture.StalledHeadSeconds + 30));
            Assert.Contains("head has stayed at block", open.ActiveTriggers["stalled-head"], StringComparison.Ordinal);
            Assert.False(open.ActiveTriggers.ContainsKey("unreachable"), "the node answers: it is stalled, not unreachable");
        }
        finally
        {
            await chain.Node.RpcAsync<object>("evm_setIntervalMining", chain.BlockTimeSeconds!.Value);
        }

        var closed = await Eventually.Until(
            () => BreakerAsync(scope),
            b => b.State == BreakerState.Closed,
            "the breaker probes and closes once the head advances",
            TimeSpan.FromSeconds(60));
        Assert.Contains(closed.History, t => t.To == BreakerState.Open && t.Actor == "stalled-head");
    }

    private async Task<BreakerStatus> BreakerAsync(string scope) =>
        (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope);
}
