namespace MarginBridge.Abstractions.Transfers;

/// <summary>
/// Where a transfer is in its life. The lifecycle runs Observed → SourceHardFinal → Batched →
/// RootAttested → RootAccepted → Executed; Held is shown while a step waits for a reason given in
/// words; Dropped, Rejected and Cancelled end it without moving anything.
/// </summary>
public enum TransferStage
{
    /// <summary>Its event is in a source block: soft-final.</summary>
    Observed,

    /// <summary>The source block is hard-final for the source chain's layer kind.</summary>
    SourceHardFinal,

    /// <summary>A reorg removed its source block before hard finality; the funds never left.</summary>
    Dropped,

    /// <summary>Refused, with the reason (e.g. the leaf does not match the configured route).</summary>
    Rejected,

    /// <summary>In a batch of its route: batch number and leaf index fixed, proof known.</summary>
    Batched,

    /// <summary>A quorum of committee members signed the batch root.</summary>
    RootAttested,

    /// <summary>The destination inbox accepted the root.</summary>
    RootAccepted,

    /// <summary>Credited on the destination (by the relayer or by anyone else).</summary>
    Executed,

    /// <summary>Waiting, with the reason in words (a member refusing, liquidity short, a stopped route).</summary>
    Held,

    /// <summary>An operator cancelled it: the source outbox never held its message, so nothing moved.</summary>
    Cancelled,

    /// <summary>An operator asked to void it: the committee is asked to cancel it on the destination; the pipeline no longer moves it.</summary>
    Voiding,

    /// <summary>Cancelled on the destination, where it can never execute now; its amount returns to the sender as a transfer from the destination vault.</summary>
    Voided,
}
