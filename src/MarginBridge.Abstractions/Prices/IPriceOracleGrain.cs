namespace MarginBridge.Abstractions.Prices;

/// <summary>
/// One asset's USD price (key: the asset's symbol), read from its on-chain feed every relayer poll,
/// with what makes it untrustworthy: a stale answer or a jump.
/// </summary>
public interface IPriceOracleGrain : IGrainWithStringKey
{
    /// <summary>Starts polling the feed; calling it again is harmless.</summary>
    Task Start();

    /// <summary>Interleaves: exposure shards read it on activation while the oracle may be waiting on them.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<PriceStatus> GetStatus();
}

/// <param name="Price">USD × 1e8 (the margin method's price scale); 0 before the first read.</param>
/// <param name="UpdatedAt">The feed's own update time (chain time).</param>
/// <param name="Stale">Why the answer is too old to use, or null.</param>
/// <param name="Jump">The last jump seen within the configured window, or null.</param>
/// <param name="OpenInterest">The perpetual open interest on the asset over every configured venue (the longs), quantity units (× 1e8).</param>
[GenerateSerializer, Immutable]
public sealed record PriceStatus(
    [property: Id(0)] string Asset,
    [property: Id(1)] long ChainId,
    [property: Id(2)] string Feed,
    [property: Id(3)] long Price,
    [property: Id(4)] long Round,
    [property: Id(5)] DateTimeOffset? UpdatedAt,
    [property: Id(6)] string? Stale,
    [property: Id(7)] PriceJump? Jump,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset? LastPollAt,
    [property: Id(10)] long OpenInterest = 0);

/// <summary>A move of at least the configured percentage between two answers within the window.</summary>
[GenerateSerializer, Immutable]
public sealed record PriceJump(
    [property: Id(0)] long FromPrice,
    [property: Id(1)] long ToPrice,
    [property: Id(2)] long FromRound,
    [property: Id(3)] long ToRound,
    [property: Id(4)] double Percent,
    [property: Id(5)] long Seconds,
    [property: Id(6)] DateTimeOffset SeenAt);
