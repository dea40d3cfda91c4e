using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Transfers;

[GenerateSerializer]
public sealed class TransferState
{
    [Id(0)]
    public TransferMessage? Message { get; set; }

    /// <summary>The furthest lifecycle stage reached, or how it ended; never Held (see <see cref="HeldReason"/>).</summary>
    [Id(1)]
    public TransferStage Stage { get; set; }

    [Id(2)]
    public List<TransferStep> Steps { get; set; } = [];

    [Id(3)]
    public TransferPlacement? Placement { get; set; }

    /// <summary>Why the next step waits; cleared when it happens.</summary>
    [Id(4)]
    public string? HeldReason { get; set; }

    /// <summary>The destination block of its execution is hard-final (or deep enough): the credit is final.</summary>
    [Id(5)]
    public bool Settled { get; set; }
}
