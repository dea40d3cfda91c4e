using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>A <c>Withdrawn</c> event of a chain's MarginVault: collateral paid out against a clearance.</summary>
/// <param name="ClearanceNonce">The clearance's nonce, unique per account.</param>
/// <param name="Amount">Token base units.</param>
[GenerateSerializer, Immutable]
public sealed record Withdrawal(
    long ChainId,
    [property: Id(0)] ulong ClearanceNonce,
    string Account,
    [property: Id(1)] string Token,
    [property: Id(2)] BigInteger Amount,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    long LogIndex) : ChainEvent(ChainId, Account, BlockNumber, BlockHash, TransactionHash, LogIndex)
{
    public override string Key => $"withdrawal:{ChainId}:{ClearanceNonce}";
}
