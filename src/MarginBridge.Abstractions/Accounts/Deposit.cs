using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>A <c>Deposited</c> event of a chain's MarginVault.</summary>
/// <param name="Token">Lower-case 0x address of the ERC-20 on that chain.</param>
/// <param name="Amount">Token base units.</param>
[GenerateSerializer, Immutable]
public sealed record Deposit(
    long ChainId,
    [property: Id(0)] ulong Nonce,
    string Account,
    [property: Id(1)] string Token,
    [property: Id(2)] BigInteger Amount,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    long LogIndex) : ChainEvent(ChainId, Account, BlockNumber, BlockHash, TransactionHash, LogIndex)
{
    public override string Key => $"deposit:{ChainId}:{Nonce}";
}
