using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Margin;

/// <summary>
/// Sums the shards' under-margined equity for one asset and reports the outflows breaker's
/// <c>under-margined-{asset}</c> trigger when the sum crosses the limit. In memory: shards report
/// again after every re-margin.
/// </summary>
public sealed class UnderMarginedTotalGrain(IOptions<MarginBridgeOptions> options) : Grain, IUnderMarginedTotalGrain
{
    private readonly Dictionary<int, long> _shards = [];
    private bool _reported;

    public async Task Report(int shard, long underMargined)
    {
        _shards[shard] = underMargined;
        var total = _shards.Values.Sum();
        var limit = options.Value.Breakers.UnderMarginedLimitUsd * 1_000_000;
        var over = total > limit;
        if (over != _reported)
        {
            var asset = this.GetPrimaryKeyString();
            await GrainFactory.GetGrain<ICircuitBreakerGrain>(BreakerScope.Outflows).Report(
                $"under-margined-{asset}",
                over,
                over ? $"accounts exposed to {asset} are {total / 1_000_000m:0.######} USD below maintenance in total; the limit is {options.Value.Breakers.UnderMarginedLimitUsd} USD" : "back within the limit");
            _reported = over;
        }
    }
}
