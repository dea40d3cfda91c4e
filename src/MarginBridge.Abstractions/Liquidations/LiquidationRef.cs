namespace MarginBridge.Abstractions.Liquidations;

/// <summary>One liquidation instruction: its venue's chain and its nonce on that chain's liquidation route.</summary>
[GenerateSerializer, Immutable]
public sealed record LiquidationRef([property: Id(0)] long ChainId, [property: Id(1)] ulong Nonce);
