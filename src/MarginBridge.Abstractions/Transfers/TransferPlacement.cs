namespace MarginBridge.Abstractions.Transfers;

/// <summary>
/// Where a transfer sits in its route's batches: enough for anyone to execute it with
/// <c>executeTransfer(route, batchNumber, transfer, proof)</c> once the root is accepted.
/// </summary>
/// <param name="Proof">Sibling hashes from the leaf up (0x hex). An array: grain state is stored as JSON, which cannot name a compiler-made read-only list type.</param>
/// <param name="SourceBlock">The hard-final source block the committee checks the batch at.</param>
[GenerateSerializer, Immutable]
public sealed record TransferPlacement(
    [property: Id(0)] ulong BatchNumber,
    [property: Id(1)] int LeafIndex,
    [property: Id(2)] int BatchSize,
    [property: Id(3)] string Root,
    [property: Id(4)] string[] Proof,
    [property: Id(5)] long SourceBlock);
