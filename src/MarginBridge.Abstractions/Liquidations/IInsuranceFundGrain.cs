using System.Numerics;
using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Abstractions.Liquidations;

/// <summary>
/// The insurance fund of one chain (key: chain id), held by the chain's vault: liquidation fees
/// from positions on that chain's venues go in, deficits of those positions come out — never
/// another chain's. Quote units (1e-6 USD).
/// </summary>
public interface IInsuranceFundGrain : IGrainWithIntegerKey
{
    /// <summary>The vault's fund, read on chain now.</summary>
    Task<BigInteger> GetBalance();

    /// <summary>The balance and the latest bookings, newest last.</summary>
    Task<InsuranceFundView> GetView();

    /// <summary>Books a settlement the vault emitted, once per (account, nonce).</summary>
    Task Book(LiquidationSettlement settlement);

    /// <summary>A reorg removed the settlement's block before it was hard-final.</summary>
    Task Revoke(LiquidationSettlement settlement);
}

/// <param name="Bookings">The latest bookings (at most 100), newest last.</param>
[GenerateSerializer, Immutable]
public sealed record InsuranceFundView(
    [property: Id(0)] long ChainId,
    [property: Id(1)] BigInteger Balance,
    [property: Id(2)] IReadOnlyList<FundBooking> Bookings);

/// <summary>What one liquidation moved into (positive: its fee) or out of (negative: its deficit) a chain's fund, quote units.</summary>
[GenerateSerializer, Immutable]
public sealed record FundBooking(
    [property: Id(0)] string Account,
    [property: Id(1)] ulong Nonce,
    [property: Id(2)] BigInteger Amount,
    [property: Id(3)] DateTimeOffset At);
