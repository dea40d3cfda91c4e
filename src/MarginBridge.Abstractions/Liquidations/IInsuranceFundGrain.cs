using System.Numerics;

namespace MarginBridge.Abstractions.Liquidations;

/// <summary>
/// The insurance fund of one chain (key: chain id), as the silo keeps its book: liquidation fees
/// from positions on that chain's venues go in, deficits of those positions come out — never
/// another chain's. Quote units (1e-6 USD).
/// </summary>
public interface IInsuranceFundGrain : IGrainWithIntegerKey
{
    Task<BigInteger> GetBalance();

    /// <summary>The balance and the latest bookings, newest last.</summary>
    Task<InsuranceFundView> GetView();

    /// <summary>Books a liquidation's fee (positive) or deficit (negative) once per (account, nonce).</summary>
    Task Book(string account, ulong nonce, BigInteger amount);
}

/// <param name="Bookings">The latest bookings (at most 100), newest last.</param>
[GenerateSerializer, Immutable]
public sealed record InsuranceFundView(
    [property: Id(0)] long ChainId,
    [property: Id(1)] BigInteger Balance,
    [property: Id(2)] IReadOnlyList<FundBooking> Bookings);

/// <summary>One liquidation's fee (positive) or deficit (negative) in a chain's fund, quote units.</summary>
[GenerateSerializer, Immutable]
public sealed record FundBooking(
    [property: Id(0)] string Account,
    [property: Id(1)] ulong Nonce,
    [property: Id(2)] BigInteger Amount,
    [property: Id(3)] DateTimeOffset At);
