namespace MarginBridge.Abstractions.Transfers;

/// <summary>A transfer and every step it went through, with time, block and words.</summary>
[GenerateSerializer, Immutable]
public sealed record TransferView(
    [property: Id(0)] TransferMessage Message,
    [property: Id(1)] TransferStage Stage,
    [property: Id(2)] IReadOnlyList<TransferStep> Steps);

[GenerateSerializer, Immutable]
public sealed record TransferStep(
    [property: Id(0)] TransferStage Stage,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long? Block,
    [property: Id(3)] string Detail);
