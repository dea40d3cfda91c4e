using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>
/// A <c>LiquidationSettled</c> event of a chain's MarginVault: a liquidation's fee left the
/// account's balance for the chain's insurance fund, or the fund covered the account's deficit.
/// </summary>
/// <param name="Nonce">The liquidation's nonce on the chain's liquidation route.</param>
/// <param name="Amount">Token base units, from the account's side: negative for a fee paid, positive for a deficit covered.</param>
[GenerateSerializer, Immutable]
public sealed record LiquidationSettlement(
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
    public override string Key => $"liquidation-settlement:{ChainId}:{Nonce}";
}
