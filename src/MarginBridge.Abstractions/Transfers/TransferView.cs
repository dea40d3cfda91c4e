namespace MarginBridge.Abstractions.Transfers;

/// <summary>A transfer, where it sits in its route's batches, and every step it went through, with time, block and words.</summary>
/// <param name="HeldReason">Why it waits, while <see cref="Stage"/> is Held.</param>
[GenerateSerializer, Immutable]
public sealed record TransferView(
    [property: Id(0)] TransferMessage Message,
    [property: Id(1)] TransferStage Stage,
    [property: Id(2)] IReadOnlyList<TransferStep> Steps,
    [property: Id(3)] TransferPlacement? Placement,
    [property: Id(4)] string? HeldReason);

[GenerateSerializer, Immutable]
public sealed record TransferStep(
    [property: Id(0)] TransferStage Stage,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long? Block,
    [property: Id(3)] string Detail);
