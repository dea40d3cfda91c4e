using System.Numerics;
using MarginBridge.Abstractions.Margin;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>An account's collateral and positions as its grain holds them.</summary>
/// <param name="Flag">The exposure index's last verdict; null for an account exposed to no priced asset.</param>
/// <param name="Positions">Open positions, and closed ones whose realized P&amp;L still counts.</param>
[GenerateSerializer, Immutable]
public sealed record AccountView(
    [property: Id(0)] string Address,
    [property: Id(1)] IReadOnlyList<ChainBalance> Balances,
    [property: Id(2)] IReadOnlyList<AssetTotal> Totals,
    [property: Id(3)] int Deposits,
    [property: Id(4)] int RevokedDeposits,
    [property: Id(5)] IReadOnlyList<VenuePosition> Positions,
    [property: Id(6)] MarginFlag? Flag);

/// <summary>One token on one chain: pending (soft-final) and final (hard-final) base units.</summary>
[GenerateSerializer, Immutable]
public sealed record ChainBalance(
    [property: Id(0)] long ChainId,
    [property: Id(1)] string Token,
    [property: Id(2)] string? Asset,
    [property: Id(3)] BigInteger Pending,
    [property: Id(4)] BigInteger Final);

/// <summary>One asset summed over every chain; unlisted tokens are not summed.</summary>
[GenerateSerializer, Immutable]
public sealed record AssetTotal(
    [property: Id(0)] string Asset,
    [property: Id(1)] BigInteger Pending,
    [property: Id(2)] BigInteger Final);
