using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>
/// One side of a transfer in an account's ledger: the debit on the source chain (negative amount)
/// or the credit on the destination (positive), soft until its block is hard-final.
/// </summary>
/// <param name="Key">The transfer id and side (<c>out</c> or <c>in</c>); a leg is replaced or removed by key.</param>
[GenerateSerializer, Immutable]
public sealed record TransferLeg(
    [property: Id(0)] string Key,
    [property: Id(1)] long ChainId,
    [property: Id(2)] string Token,
    [property: Id(3)] BigInteger Amount,
    [property: Id(4)] bool HardFinal);
