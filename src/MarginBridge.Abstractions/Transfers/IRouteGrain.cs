using Orleans.Concurrency;

namespace MarginBridge.Abstractions.Transfers;

/// <summary>
/// The transfers of one ordered pair of chains (key <c>"{src}-{dst}"</c>): a first-come,
/// first-served queue of hard-final transfers, cut into batches whose roots the committee attests
/// and the destination accepts, then executed against the destination's liquidity.
/// </summary>
public interface IRouteGrain : IGrainWithStringKey
{
    /// <summary>
    /// A transfer whose source block is hard-final; idempotent. Interleaves with a tick that waits on
    /// the committee or a chain, so the relayer is never held up by a slow member.
    /// </summary>
    [AlwaysInterleave]
    Task Enqueue(TransferMessage message);

    [AlwaysInterleave]
    Task<RouteStatus> GetStatus();

    /// <summary>Operator: forget what the transfer's batch waits on (member back-off, a transaction in flight) and decide again from the chains now.</summary>
    Task<OperatorOutcome> Retry(string transferId);

    /// <summary>Operator: drop the signatures of the transfer's batch and ask the committee to verify it again; only before the destination accepted the root.</summary>
    Task<OperatorOutcome> Reverify(string transferId);

    /// <summary>
    /// Operator: end a transfer that has not executed. A queued one whose message the source vault's
    /// outbox does not hold (a log an RPC endpoint made up, or a block that is gone) is removed; one
    /// it holds, queued or batched, is voided on the destination (<see cref="ITransferVoidGrain"/>).
    /// </summary>
    Task<OperatorOutcome> Cancel(string transferId, string operatorName);

    /// <summary>
    /// A transfer whose cancellation was withdrawn, whose void can no longer execute and which the
    /// destination has not executed comes back: into its batch (which pays it again) or, if it was
    /// voided from the queue, into the queue (batches are cut in source order whatever the queue's).
    /// The transfer is told where it stands first; a repeated call changes nothing.
    /// </summary>
    Task TakeBackFromVoid(TransferMessage message, string actor);
}

/// <summary>What an operator action did, in words; <see cref="Applied"/> false when it did not apply.</summary>
[GenerateSerializer, Immutable]
public sealed record OperatorOutcome([property: Id(0)] bool Applied, [property: Id(1)] string Detail);

/// <summary>A route's queue and open batches, for operators.</summary>
[GenerateSerializer, Immutable]
public sealed record RouteStatus(
    [property: Id(0)] long SrcChainId,
    [property: Id(1)] long DstChainId,
    [property: Id(2)] int Queued,
    [property: Id(3)] IReadOnlyList<BatchStatus> OpenBatches,
    [property: Id(4)] ulong NextBatchNumber,
    [property: Id(5)] long ExecutedTransfers);

[GenerateSerializer, Immutable]
public sealed record BatchStatus(
    [property: Id(0)] ulong Number,
    [property: Id(1)] int Transfers,
    [property: Id(2)] int Executed,
    [property: Id(3)] string Stage,
    [property: Id(4)] string? Waiting);
