using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Margin;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// The persisted ledger of one account: every deposit and withdrawal by its key, every transfer's
/// debit or credit, and its positions on every venue.
/// </summary>
[GenerateSerializer]
public sealed class AccountState
{
    /// <summary>Deposits and withdrawals, keyed by <see cref="ChainEvent.Key"/>.</summary>
    [Id(0)]
    public Dictionary<string, RecordedEvent> Events { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Deposits whose pending credit a reorg took back.</summary>
    [Id(1)]
    public int RevokedDeposits { get; set; }

    /// <summary>Debits and credits of transfers still under way (a reorg or a cancellation may take them back), by transfer id and side.</summary>
    [Id(3)]
    public Dictionary<string, TransferLeg> TransferLegs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The sum of every settled transfer leg per chain and token: hard-final for good, so no longer kept one by one.</summary>
    [Id(8)]
    public List<SettledTransfers> SettledTransfers { get; set; } = [];

    /// <summary>Positions by <see cref="PositionChange.PositionKey"/>.</summary>
    [Id(4)]
    public Dictionary<string, PositionHistory> Positions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The exposure index's last verdict.</summary>
    [Id(5)]
    public MarginFlag? Flag { get; set; }

    /// <summary>Withdrawals cleared (or being cleared) and not yet paid, by <see cref="WithdrawalReservation.Key"/>.</summary>
    [Id(7)]
    public Dictionary<string, WithdrawalReservation> Reservations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The assets whose exposure shards hold this account's book.</summary>
    [Id(6)]
    public List<string> ExposedTo { get; set; } = [];
}

[GenerateSerializer, Immutable]
public sealed record RecordedEvent([property: Id(0)] ChainEvent Event, [property: Id(1)] bool HardFinal);

/// <summary>The net of the settled transfer legs of one account on one chain, in one token.</summary>
[GenerateSerializer, Immutable]
public sealed record SettledTransfers([property: Id(0)] long ChainId, [property: Id(1)] string Token, [property: Id(2)] BigInteger Amount);
