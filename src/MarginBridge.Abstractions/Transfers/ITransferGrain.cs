namespace MarginBridge.Abstractions.Transfers;

/// <summary>One transfer's lifecycle; the key is its leaf (0x hex). Every call is idempotent.</summary>
public interface ITransferGrain : IGrainWithStringKey
{
    /// <summary>Its event was seen in a source block (again, after a reorg re-included it).</summary>
    Task Observe(TransferMessage message);

    /// <summary>The source block reached hard finality at the given head: the transfer joins its route's queue.</summary>
    Task MarkSourceHardFinal(long blockNumber, long atHead);

    /// <summary>The source block that held it was reorganised away.</summary>
    Task Drop(string blockHash, string reason);

    Task Reject(TransferMessage message, string reason);

    Task MarkBatched(TransferPlacement placement);

    /// <summary>Back to the route's queue from a batch the committee refused before any root of it was attested (a leaf the source does not hold).</summary>
    Task Unbatch(ulong batchNumber, string reason);

    /// <param name="members">The members whose signatures the root carries; on an optimistic route, the one member that proposed it.</param>
    Task MarkRootAttested(ulong batchNumber, IReadOnlyList<string> members, bool proposed);

    Task MarkRootAccepted(ulong batchNumber, string transactionHash, long block);

    /// <param name="transactionHash">Null when someone else executed it and the relayer only saw the replay bit.</param>
    Task MarkExecuted(string? transactionHash, long? block, string detail);

    /// <summary>The destination block holding its execution is hard-final (or deep enough): the recipient's credit becomes final.</summary>
    Task MarkSettled();

    /// <summary>A destination reorg undid its execution before it was hard-final: back to batched, to be executed again.</summary>
    Task ReopenAfterDestinationReorg(string reason);

    /// <summary>Ends a transfer that never left its source (only before it is batched) and takes its debit off the account.</summary>
    Task Cancel(string actor, string reason);

    /// <summary>An operator asked to void it on the destination (only before it executed): from now on the pipeline's steps leave it alone.</summary>
    Task BeginVoid(string actor, string detail);

    /// <summary>
    /// The void is decided: <paramref name="refundId"/> is the transfer that returns the amount to the
    /// sender (the transfer is Voided), or null when the destination executed the transfer first (it is Executed).
    /// </summary>
    Task EndVoid(string? refundId, long? block, string detail);

    /// <summary>Its cancellation was withdrawn before the void executed: it is on its way again, at <paramref name="stage"/>.</summary>
    Task ReturnFromVoid(TransferStage stage, string actor, string detail);

    /// <summary>Shows why the next step waits; repeating the same reason changes nothing.</summary>
    Task Hold(string reason);

    /// <summary>Journals what an operator did to this transfer, with the operator's name, and shows it as a step.</summary>
    Task RecordOperatorAction(string operatorName, string action, string detail);

    /// <summary>Null for an id no relayer has seen.</summary>
    Task<TransferView?> GetView();
}
