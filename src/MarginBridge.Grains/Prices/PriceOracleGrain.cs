using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Rpc;
using MarginBridge.Grains.Relaying;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Prices;

/// <summary>
/// Reads one asset's feed (<c>latestRoundData</c>) every relayer poll. An answer older than the
/// feed's <c>MaxAgeSeconds</c> in the feed chain's own time is stale; two answers within
/// <c>JumpWindowSeconds</c> that differ by at least <c>JumpPercent</c> are a jump. Both are shown
/// with numbers, for the margin engine and the circuit breakers to act on. Every few seconds it also
/// reads the venues' perpetual open interest on the asset, which raises liquidity tiers' IMF.
/// </summary>
public sealed partial class PriceOracleGrain(
    ChainConnections connections,
    IOptions<MarginBridgeOptions> options,
    TimeProvider time,
    ILogger<PriceOracleGrain> logger) : Grain, IPriceOracleGrain
{
    private static readonly TimeSpan OpenInterestEvery = TimeSpan.FromSeconds(5);
    private readonly List<(long Round, long Price, long UpdatedAt)> _recent = [];
    private PriceFeedOptions _feed = null!;
    private PriceStatus _status = null!;
    private bool _started;
    private (PriceJump? Jump, bool Stale) _reported;
    private (long Price, bool Stale, long OpenInterest) _broadcast;
    private DateTimeOffset _openInterestDue;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var asset = this.GetPrimaryKeyString();
        _feed = options.Value.PriceFeeds.Find(f => f.Asset == asset) ?? throw new InvalidOperationException($"no price feed is configured for {asset}");
        _status = new PriceStatus(asset, _feed.ChainId, _feed.Feed, 0, 0, null, "not read yet", null, null, null);
        return Task.CompletedTask;
    }

    public Task Start()
    {
        if (!_started)
        {
            _started = true;
            this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(options.Value.Relayer.PollIntervalMilliseconds)) { KeepAlive = true });
        }

        return Task.CompletedTask;
    }

    public Task<PriceStatus> GetStatus() => Task.FromResult(_status);

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var reading = await PriceFeedReading.ReadAsync(connections.GetReader(_feed.ChainId), _feed, connections.GetChain(_feed.ChainId).Name, cancellationToken);
            var (price, updatedAt, stale) = (reading.Price, reading.UpdatedAt, reading.Stale);
            if (_recent.Count == 0 || _recent[^1].Round != reading.Round)
            {
                _recent.Add((reading.Round, price, updatedAt));
            }

            _recent.RemoveAll(r => r.UpdatedAt < updatedAt - _feed.JumpWindowSeconds);
            var found = FindJump(now);
            var known = _status.Jump;
            var jump = found is null
                ? (known is not null && known.SeenAt > now.AddSeconds(-_feed.JumpWindowSeconds) ? known : null)
                : (known is not null && (known.FromRound, known.ToRound) == (found.FromRound, found.ToRound) ? known : found);
            if (jump is not null && jump == found)
            {
                LogJump(_feed.Asset, jump.FromPrice, jump.ToPrice, jump.Percent, jump.Seconds);
            }

            _status = _status with { Price = price, Round = reading.Round, UpdatedAt = DateTimeOffset.FromUnixTimeSeconds(updatedAt), Stale = stale, Jump = jump, LastError = null, LastPollAt = now };
            await ReadOpenInterestAsync(now, cancellationToken);
            await ReportToBreakerAsync(jump, stale);
            await BroadcastAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _status = _status with { LastError = $"{e.GetType().Name}: {e.Message}", LastPollAt = now };
            LogReadFailed(_feed.Asset, e.Message);
        }
    }

    /// <summary>
    /// The venues' open interest on the asset, every few seconds (it moves slowly and costs a call per
    /// venue and market); a failed read keeps the last one and never holds the price back.
    /// </summary>
    private async Task ReadOpenInterestAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now < _openInterestDue)
        {
            return;
        }

        _openInterestDue = now + OpenInterestEvery;
        try
        {
            _status = _status with { OpenInterest = await OpenInterestReading.ReadAsync(options.Value, connections.GetReader, _feed.Asset, cancellationToken) };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogOpenInterestFailed(_feed.Asset, e.Message);
        }
    }

    /// <summary>The asset's breaker halts moves and withdrawals in the asset while its price jumped or is stale (DESIGN §4).</summary>
    private async Task ReportToBreakerAsync(PriceJump? jump, string? stale)
    {
        var breaker = GrainFactory.GetGrain<ICircuitBreakerGrain>(BreakerScope.Asset(_feed.Asset));
        if (_reported.Jump != jump)
        {
            await breaker.Report("price-jump", jump is not null, jump is null ? "calm" : $"{_feed.Asset} moved {jump.Percent} % in {jump.Seconds} s (round {jump.FromRound} → {jump.ToRound}); the limit is {_feed.JumpPercent} % in {_feed.JumpWindowSeconds} s");
        }

        if (_reported.Stale != stale is not null)
        {
            await breaker.Report("stale-price", stale is not null, stale ?? "fresh");
        }

        _reported = (jump, stale is not null);
    }

    /// <summary>
    /// A new price (or a price turning stale or fresh) goes to every exposure shard: the shards of
    /// this asset re-margin their accounts, the others keep it for the books that also hold this asset.
    /// </summary>
    private async Task BroadcastAsync()
    {
        var now = (_status.Price, _status.Stale is not null, _status.OpenInterest);
        if (now == _broadcast)
        {
            return;
        }

        var shards = options.Value.Exposure.ShardsPerAsset;
        await Task.WhenAll(options.Value.PriceFeeds.SelectMany(f => Enumerable.Range(0, shards).Select(i =>
            GrainFactory.GetGrain<IExposureShardGrain>(ExposureShards.Key(f.Asset, i)).OnPrice(_status))));
        _broadcast = now;
    }

    /// <summary>The largest move from any answer in the window to the latest, if it reaches the threshold.</summary>
    private PriceJump? FindJump(DateTimeOffset now)
    {
        var latest = _recent[^1];
        PriceJump? largest = null;
        foreach (var earlier in _recent.Take(_recent.Count - 1))
        {
            var percent = Math.Abs((double)(latest.Price - earlier.Price)) * 100 / earlier.Price;
            if (percent >= _feed.JumpPercent && (largest is null || percent > largest.Percent))
            {
                largest = new PriceJump(earlier.Price, latest.Price, earlier.Round, latest.Round, Math.Round(percent, 2), latest.UpdatedAt - earlier.UpdatedAt, now);
            }
        }

        return largest;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Price of {Asset} jumped from {From} to {To} (USD × 1e8): {Percent} % in {Seconds} s")]
    private partial void LogJump(string asset, long from, long to, double percent, long seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the {Asset} price feed failed: {Error}")]
    private partial void LogReadFailed(string asset, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the venues' open interest on {Asset} failed; keeping the last: {Error}")]
    private partial void LogOpenInterestFailed(string asset, string error);
}
