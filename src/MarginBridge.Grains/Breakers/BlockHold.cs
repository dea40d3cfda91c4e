namespace MarginBridge.Grains.Breakers;

/// <summary>A held trigger clears once chain <see cref="ChainId"/>'s head reaches <see cref="UntilBlock"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record BlockHold([property: Id(0)] long ChainId, [property: Id(1)] long UntilBlock);
