using System.Numerics;

namespace MarginBridge.Abstractions.Margin;

/// <summary>Where an account's equity stands against its requirements, as the exposure index last saw it.</summary>
public enum MarginStatus
{
    /// <summary>Equity covers the initial requirement (or nothing is required).</summary>
    Healthy,

    /// <summary>Below initial, at or above maintenance: only changes that reduce risk are allowed.</summary>
    BelowInitial,

    /// <summary>Below maintenance: to be liquidated.</summary>
    Liquidatable,

    /// <summary>Equity below zero: to be liquidated, and the insurance fund may pay the deficit.</summary>
    NegativeEquity,

    /// <summary>An underlying of a position has no usable price, or a position cannot be margined: nothing is decided.</summary>
    Undecided,
}

/// <summary>The account's status with the numbers it was decided on (quote units, 1e-6 USD) and the prices' time.</summary>
/// <param name="Reason">For <see cref="MarginStatus.Undecided"/>: why.</param>
[GenerateSerializer, Immutable]
public sealed record MarginFlag(
    [property: Id(0)] MarginStatus Status,
    [property: Id(1)] BigInteger Equity,
    [property: Id(2)] BigInteger InitialRequirement,
    [property: Id(3)] BigInteger MaintenanceRequirement,
    [property: Id(4)] DateTimeOffset DecidedAt,
    [property: Id(5)] string? Reason);
