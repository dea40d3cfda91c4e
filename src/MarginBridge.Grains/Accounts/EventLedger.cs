using System.Numerics;
using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// An account's deposits, withdrawals and liquidation settlements with their finality. A hard-final
/// deposit or settlement joins a total per chain and token and is no longer kept by itself, so the
/// ledger does not grow with the account's history; withdrawals are kept (a clearance nonce paid
/// once must never be reserved again). Each chain's relayer delivers an account's updates in block
/// order, so every event at or below the highest block folded on a chain was seen before: an update
/// for such an event that the ledger no longer holds repeats one already folded (a relayer that
/// restarted from an older cursor) and changes nothing.
/// </summary>
[GenerateSerializer]
public sealed class EventLedger
{
    /// <summary>Events not folded: pending ones, and withdrawals; by <see cref="ChainEvent.Key"/>.</summary>
    [Id(0)]
    public Dictionary<string, RecordedEvent> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The sum of the folded events per chain and token (deposits and settlements in, never out of, the account).</summary>
    [Id(1)]
    public List<SettledTotal> Folded { get; set; } = [];

    /// <summary>Per chain, the highest block of a folded event.</summary>
    [Id(2)]
    public Dictionary<long, long> FoldedThrough { get; set; } = [];

    [Id(3)]
    public int FoldedDeposits { get; set; }

    /// <summary>Deposits whose pending credit a reorg took back.</summary>
    [Id(4)]
    public int RevokedDeposits { get; set; }

    public int Deposits => FoldedDeposits + Open.Values.Count(e => e.Event is Deposit);

    public bool Holds(string key) => Open.ContainsKey(key);

    /// <summary>Every balance entry: open events with their finality, and the folded totals (hard-final).</summary>
    public IEnumerable<(long ChainId, string Token, BigInteger Amount, bool HardFinal)> Entries() =>
        Open.Values.Select(e => Entry(e.Event, e.HardFinal)).Concat(Folded.Select(t => (t.ChainId, t.Token, t.Amount, HardFinal: true)));

    public LedgerChange Apply(FinalityChange change, ChainEvent chainEvent)
    {
        ArgumentNullException.ThrowIfNull(chainEvent);
        Open.TryGetValue(chainEvent.Key, out var existing);
        if (existing is null && FoldedThrough.TryGetValue(chainEvent.ChainId, out var through) && chainEvent.BlockNumber <= through)
        {
            return LedgerChange.None;
        }

        switch (change)
        {
            case FinalityChange.Observed when existing is null:
                Open[chainEvent.Key] = new RecordedEvent(chainEvent, HardFinal: false);
                return LedgerChange.Applied;
            case FinalityChange.HardFinal when chainEvent is Withdrawal && existing is not { HardFinal: true }:
                Open[chainEvent.Key] = new RecordedEvent(chainEvent, HardFinal: true);
                return LedgerChange.Applied;
            case FinalityChange.HardFinal when chainEvent is not Withdrawal:
                Fold(chainEvent);
                return LedgerChange.Applied;
            case FinalityChange.Revoked when existing is { HardFinal: false } && existing.Event.BlockHash == chainEvent.BlockHash:
                Open.Remove(chainEvent.Key);
                RevokedDeposits += chainEvent is Deposit ? 1 : 0;
                return LedgerChange.Applied;
            case FinalityChange.Revoked when existing is { HardFinal: true }:
                return LedgerChange.FinalEventRevoked;
            default:
                return LedgerChange.None;
        }
    }

    private void Fold(ChainEvent chainEvent)
    {
        Open.Remove(chainEvent.Key);
        var (chainId, token, amount, _) = Entry(chainEvent, hardFinal: true);
        SettledTotal.Add(Folded, chainId, token, amount);
        FoldedThrough[chainId] = Math.Max(FoldedThrough.GetValueOrDefault(chainId), chainEvent.BlockNumber);
        FoldedDeposits += chainEvent is Deposit ? 1 : 0;
    }

    private static (long ChainId, string Token, BigInteger Amount, bool HardFinal) Entry(ChainEvent chainEvent, bool hardFinal) => chainEvent switch
    {
        Deposit d => (d.ChainId, d.Token, d.Amount, hardFinal),
        Withdrawal w => (w.ChainId, w.Token, -w.Amount, hardFinal),
        LiquidationSettlement s => (s.ChainId, s.Token, s.Amount, hardFinal),
        _ => throw new InvalidOperationException($"a {chainEvent.GetType().Name} is not a balance entry"),
    };
}

public enum LedgerChange
{
    None,
    Applied,

    /// <summary>A reorg tried to take back a hard-final event: kept, for an operator.</summary>
    FinalEventRevoked,
}
