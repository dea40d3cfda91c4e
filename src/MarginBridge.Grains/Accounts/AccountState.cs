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

    /// <summary>Ids of the transfers this account sent or receives, oldest first.</summary>
    [Id(2)]
    public List<string> Transfers { get; set; } = [];

    /// <summary>Debits and credits of transfers, by transfer id and side.</summary>
    [Id(3)]
    public Dictionary<string, TransferLeg> TransferLegs { get; set; } = new(StringComparer.Ordinal);

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
