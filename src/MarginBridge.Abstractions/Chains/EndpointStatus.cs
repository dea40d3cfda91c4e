namespace MarginBridge.Abstractions.Chains;

/// <summary>One RPC endpoint of a chain as the relayer's pool sees it.</summary>
/// <param name="Endpoint">Scheme, host and port only (a path may hold a provider's key).</param>
/// <param name="Circuit">The endpoint's circuit breaker: Closed, Open or HalfOpen.</param>
/// <param name="Serving">True for the endpoint calls go to first.</param>
/// <param name="LastError">The last failure, if any, with its time.</param>
[GenerateSerializer, Immutable]
public sealed record EndpointStatus(
    [property: Id(0)] string Endpoint,
    [property: Id(1)] string Circuit,
    [property: Id(2)] bool Serving,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? LastFailureAt);
