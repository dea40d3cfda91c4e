using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Transfers;

[GenerateSerializer]
public sealed class TransferState
{
    [Id(0)]
    public TransferMessage? Message { get; set; }

    [Id(1)]
    public TransferStage Stage { get; set; }

    [Id(2)]
    public List<TransferStep> Steps { get; set; } = [];
}
