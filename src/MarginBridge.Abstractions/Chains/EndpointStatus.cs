namespace MarginBridge.Abstractions.Chains;

/// <summary>An RPC endpoint's redacted address (scheme, host, port) and circuit state (Closed, Open, HalfOpen).</summary>
[GenerateSerializer, Immutable]
public sealed record EndpointStatus([property: Id(0)] string Endpoint, [property: Id(1)] string Circuit);
