namespace MarginBridge.Chains.Configuration;

/// <summary>How routes batch and submit (<c>MarginBridge:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>A batch is cut as soon as this many transfers wait.</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>…or when the oldest waiting transfer has waited this long…</summary>
    public int MaxBatchAgeMilliseconds { get; set; } = 1_000;

    /// <summary>…or when no transfer joined the queue for this long: the relayer's burst for a source block has settled.</summary>
    public int QuietMilliseconds { get; set; } = 250;

    /// <summary>How often a route with work looks at its queue and batches.</summary>
    public int TickMilliseconds { get; set; } = 250;

    /// <summary>How long the silo waits for a committee member's answer.</summary>
    public int AttestationTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>A transaction not mined after this long is sent again with the same nonce at higher fees.</summary>
    public int StuckTransactionSeconds { get; set; } = 30;

    /// <summary>
    /// How long, in the destination's time, the committee's attestation of a transfer void can
    /// execute. An operator who withdraws a cancellation waits this long at most before the
    /// transfer is paid after all; members refuse a lifetime above an hour.
    /// </summary>
    public int VoidLifetimeSeconds { get; set; } = 600;

    /// <summary>
    /// File holding the private key (hex) of the account that pays gas for roots and executions. It
    /// can move no funds by itself: every root needs the committee's signatures.
    /// </summary>
    public string SubmitterKeyFile { get; set; } = string.Empty;
}
