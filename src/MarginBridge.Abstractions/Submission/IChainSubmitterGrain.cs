namespace MarginBridge.Abstractions.Submission;

/// <summary>
/// Sends the relayer's transactions on one chain (the key is its chain id) from the submitter
/// account: one activation in the cluster hands out that account's nonces in order, so routes on
/// different silos never collide on a nonce.
/// </summary>
public interface IChainSubmitterGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Estimates (unless a gas limit is given), signs and sends. A call the chain would revert is not
    /// sent: the result names the contract's error instead.
    /// </summary>
    Task<SubmissionResult> Send(SubmissionRequest request);

    /// <summary>
    /// Sends the requests back to back with consecutive nonces, so a call that needs the one before
    /// it (an execution behind its root) can land in the same block. Every estimate is made before
    /// anything is sent; the first request that would revert and all after it are not sent, and so
    /// are those after a send that failed once one had gone out. The results are those of the
    /// requests sent, then the refused or failed one, if any; a failure of the first send throws.
    /// </summary>
    Task<IReadOnlyList<SubmissionResult>> SendInOrder(IReadOnlyList<SubmissionRequest> requests);

    /// <summary>
    /// Sends the same call again with the same nonce at higher fees, when the transaction is still not
    /// mined; returns the replacement's hash, or the original's when it was mined meanwhile.
    /// </summary>
    Task<SubmissionResult> Replace(string transactionHash);
}

/// <param name="Data">ABI-encoded call data, 0x hex.</param>
/// <param name="GasLimit">Skips estimation: for a call that only succeeds after an earlier transaction of ours is mined.</param>
[GenerateSerializer, Immutable]
public sealed record SubmissionRequest(
    [property: Id(0)] string To,
    [property: Id(1)] string Data,
    [property: Id(2)] long? GasLimit,
    [property: Id(3)] string Purpose);

/// <param name="Revert">Why nothing was sent: the contract's custom error name and arguments when the call would revert (or, in a sequence, the send that failed).</param>
[GenerateSerializer, Immutable]
public sealed record SubmissionResult(
    [property: Id(0)] string? TransactionHash,
    [property: Id(1)] long Nonce,
    [property: Id(2)] string? Revert)
{
    public bool IsSent => TransactionHash is not null;
}
