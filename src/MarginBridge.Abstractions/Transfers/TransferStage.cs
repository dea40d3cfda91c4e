namespace MarginBridge.Abstractions.Transfers;

/// <summary>Where a transfer is in its life. Later issues add batching, attestation and execution.</summary>
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
}
