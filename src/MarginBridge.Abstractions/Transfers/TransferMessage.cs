using System.Numerics;

namespace MarginBridge.Abstractions.Transfers;

/// <summary>
/// A transfer that left a source vault (its <c>TransferInitiated</c> event), as the source relayer
/// saw it. <see cref="Id"/> is the message's leaf (0x hex): the same id on both chains.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransferMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] long SrcChainId,
    [property: Id(2)] string SrcVault,
    [property: Id(3)] long DstChainId,
    [property: Id(4)] string DstVault,
    [property: Id(5)] ulong Nonce,
    [property: Id(6)] string Account,
    [property: Id(7)] string SourceToken,
    [property: Id(8)] string DestinationToken,
    [property: Id(9)] string Recipient,
    [property: Id(10)] BigInteger Amount,
    [property: Id(11)] long BlockNumber,
    [property: Id(12)] string BlockHash,
    [property: Id(13)] string TransactionHash,
    [property: Id(14)] long LogIndex)
{
    /// <summary>Addressed to the destination vault itself: its insurance fund is credited, no account (a swept liquidation fee).</summary>
    public bool FundsInsurance => string.Equals(Recipient, DstVault, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sent by the source vault itself: the refund of a transfer voided on the source chain, owed to its sender; no account was debited for it.</summary>
    public bool Refunds => string.Equals(Account, SrcVault, StringComparison.OrdinalIgnoreCase);
}
