using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>
/// Collateral held back for a withdrawal while its clearance may be paid: counted as gone from
/// the chain's balance until the vault's <c>Withdrawn</c> event takes its place or it expires.
/// </summary>
/// <param name="ExpiresAt">The clearance's expiry, unix seconds of the vault's chain.</param>
[GenerateSerializer, Immutable]
public sealed record WithdrawalReservation(
    [property: Id(0)] long ChainId,
    [property: Id(1)] string Token,
    [property: Id(2)] BigInteger Amount,
    [property: Id(3)] ulong Nonce,
    [property: Id(4)] long ExpiresAt)
{
    public string Key => $"{ChainId}:{Nonce}";

    /// <summary>The key of the vault event that pays it (<see cref="Withdrawal.Key"/>).</summary>
    public string PaidBy => $"withdrawal:{ChainId}:{Nonce}";
}

/// <summary>The account's own answer to a withdrawal, with the numbers (quote units) it decided on.</summary>
[GenerateSerializer, Immutable]
public sealed record WithdrawalDecision(
    [property: Id(0)] bool Granted,
    [property: Id(1)] string? Refusal,
    [property: Id(2)] BigInteger EquityAfter,
    [property: Id(3)] BigInteger InitialRequirement);
