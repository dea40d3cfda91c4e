namespace MarginBridge.Abstractions.Chains;

/// <summary>What a chain's relayer knows about the chain right now.</summary>
[GenerateSerializer, Immutable]
public sealed record ChainStatus(
    [property: Id(0)] long ChainId,
    [property: Id(1)] string Name,
    [property: Id(2)] LayerKind Kind,
    [property: Id(3)] long Head,
    [property: Id(4)] long ScannedHeight,
    [property: Id(5)] long HardFinalHeight,
    [property: Id(6)] DateTimeOffset? LastPollAt,
    [property: Id(7)] bool Healthy,
    [property: Id(8)] string? LastError,
    [property: Id(9)] ReorgRecord? LastReorg,
    [property: Id(10)] int DeepReorgCount,
    [property: Id(11)] int PendingDeposits,
    [property: Id(12)] IReadOnlyList<EndpointStatus> Endpoints,
    [property: Id(13)] int AcknowledgedDeepReorgs)
{
    /// <summary>A reorg deeper than finality that no operator has reviewed yet stops every route out of the chain.</summary>
    public bool StoppedByDeepReorg => DeepReorgCount > AcknowledgedDeepReorgs;

    /// <summary>Blocks between the head and the highest hard-final block.</summary>
    public long FinalityLag => Math.Max(0, Head - HardFinalHeight);
}

/// <summary>A reorganisation the relayer detected and rolled back.</summary>
/// <param name="CommonAncestor">The highest block that both the old and the new chain contain.</param>
/// <param name="Depth">How many scanned blocks were replaced.</param>
/// <param name="DeeperThanFinality">True when a block the relayer had already treated as hard-final was replaced.</param>
/// <param name="RevokedDeposits">Pending deposits whose credit was taken back.</param>
[GenerateSerializer, Immutable]
public sealed record ReorgRecord(
    [property: Id(0)] long CommonAncestor,
    [property: Id(1)] long Depth,
    [property: Id(2)] bool DeeperThanFinality,
    [property: Id(3)] int RevokedDeposits,
    [property: Id(4)] DateTimeOffset DetectedAt);
