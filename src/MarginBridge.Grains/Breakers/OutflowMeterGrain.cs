using MarginBridge.Abstractions.Breakers;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Breakers;

/// <summary>
/// An asset's token bucket (<c>Breakers:OutflowLimits:{asset}</c>; an asset without a limit is not
/// metered). In memory: after a restart the bucket starts full, like the vaults' own on-chain limit
/// after a new period; the on-chain limit (ERC-7265 style) is the hard one, this one halts earlier.
/// </summary>
public sealed class OutflowMeterGrain(IOptions<MarginBridgeOptions> options, TimeProvider time) : Grain, IOutflowMeterGrain
{
    private const string Trigger = "outflow-rate";
    private TokenBucket? _bucket;
    private string _asset = string.Empty;
    private bool _reported;
    private string _last = string.Empty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _asset = this.GetPrimaryKeyString();
        if (options.Value.Breakers.OutflowLimits.TryGetValue(_asset, out var limit))
        {
            _bucket = new TokenBucket(limit.Capacity, limit.PerSecond, time.GetUtcNow());
            this.RegisterGrainTimer(ReportAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        }

        return Task.CompletedTask;
    }

    public async Task Take(decimal units, string what)
    {
        if (_bucket is null)
        {
            return;
        }

        _bucket.Take(units, time.GetUtcNow());
        _last = what;
        await ReportAsync(CancellationToken.None);
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        _bucket!.Refill(time.GetUtcNow());
        if (_bucket.IsExceeded != _reported)
        {
            var reason = _bucket.IsExceeded
                ? $"{_asset} outflows exceed {_bucket.Capacity} at {_bucket.PerSecond}/s (the bucket is at {decimal.Round(_bucket.Level, 2)}; last: {_last})"
                : "the outflow rate is back within its limit";
            await GrainFactory.GetGrain<ICircuitBreakerGrain>(BreakerScope.Asset(_asset)).Report(Trigger, _bucket.IsExceeded, reason);
            _reported = _bucket.IsExceeded;
        }
    }
}
