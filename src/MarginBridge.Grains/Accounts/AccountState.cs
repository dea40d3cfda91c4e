using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Margin;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// The persisted ledger of one account: its deposits, withdrawals and liquidation settlements (the
/// hard-final ones folded into totals), its transfers' debits and credits, and its positions on
/// every venue. Nothing in it grows with the account's history but its withdrawals.
/// </summary>
[GenerateSerializer]
public sealed class AccountState
{
    /// <summary>Deposits, withdrawals and liquidation settlements.</summary>
    [Id(9)]
    public EventLedger Ledger { get; set; } = new();

    /// <summary>Debits and credits of transfers still under way (a reorg or a cancellation may take them back), by transfer id and side.</summary>
    [Id(3)]
    public Dictionary<string, TransferLeg> TransferLegs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The sum of every settled transfer leg per chain and token: hard-final for good, so no longer kept one by one.</summary>
    [Id(8)]
    public List<SettledTotal> SettledTransfers { get; set; } = [];

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

/// <summary>A sum of an account's final entries on one chain, in one token.</summary>
[GenerateSerializer, Immutable]
public sealed record SettledTotal([property: Id(0)] long ChainId, [property: Id(1)] string Token, [property: Id(2)] BigInteger Amount)
{
    /// <summary>Adds <paramref name="amount"/> to the total for its chain and token in <paramref name="totals"/>, starting one if there is none.</summary>
    public static void Add(List<SettledTotal> totals, long chainId, string token, BigInteger amount)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var index = totals.FindIndex(t => t.ChainId == chainId && t.Token == token);
        if (index < 0)
        {
            totals.Add(new SettledTotal(chainId, token, amount));
        }
        else
        {
            totals[index] = totals[index] with { Amount = totals[index].Amount + amount };
        }
    }
}
