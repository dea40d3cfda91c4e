namespace MarginBridge.Abstractions.Breakers;

/// <summary>
/// One circuit breaker (key: its <see cref="BreakerScope"/>). Triggers report whether their condition
/// holds; any active trigger opens it; when all are clear it probes (HalfOpen) and closes after the
/// probe period if they stay clear. An operator's trip holds it open until an operator resets it.
/// Every change is a row in the audit journal.
/// </summary>
public interface ICircuitBreakerGrain : IGrainWithStringKey
{
    /// <summary>From a monitor: whether <paramref name="trigger"/>'s condition holds now, and why.</summary>
    Task Report(string trigger, bool active, string reason);

    /// <summary>
    /// From a monitor: <paramref name="trigger"/> holds until chain <paramref name="chainId"/> has
    /// produced <paramref name="blocks"/> blocks past its head now (a later hold extends it), then
    /// clears by itself. While the chain cannot be read, the hold stays.
    /// </summary>
    Task Hold(string trigger, string reason, long chainId, int blocks);

    Task<BreakerStatus> Trip(string operatorName, string reason);

    Task<BreakerStatus> Reset(string operatorName, string reason);

    [Orleans.Concurrency.AlwaysInterleave]
    Task<BreakerStatus> GetStatus();
}

public enum BreakerState
{
    Closed,
    Open,
    HalfOpen,
}

/// <param name="ActiveTriggers">Trigger → reason, for every trigger whose condition holds now.</param>
/// <param name="TrippedBy">The operator who tripped it by hand, or null.</param>
[GenerateSerializer, Immutable]
public sealed record BreakerStatus(
    [property: Id(0)] string Scope,
    [property: Id(1)] BreakerState State,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset? Since,
    [property: Id(4)] IReadOnlyDictionary<string, string> ActiveTriggers,
    [property: Id(5)] string? TrippedBy,
    [property: Id(6)] IReadOnlyList<BreakerTransition> History);

/// <summary>One change of state, with who or what caused it.</summary>
[GenerateSerializer, Immutable]
public sealed record BreakerTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] BreakerState From,
    [property: Id(2)] BreakerState To,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Reason);
