using MarginBridge.Abstractions.Margin;
using Orleans.Concurrency;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>One market maker's cross-chain margin account; the key is its lower-case 0x address.</summary>
public interface IAccountMarginGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies deposits, withdrawals and position changes in order, idempotently on each event's
    /// key: an update that was already applied changes nothing. Persists once per call (a write it
    /// shares with transfer legs that arrive meanwhile).
    /// </summary>
    Task Apply(IReadOnlyList<ChainEventUpdate> updates);

    /// <summary>Interleaves: exposure shards read views while the account may be waiting on them.</summary>
    [AlwaysInterleave]
    Task<AccountView> GetView();

    /// <summary>The exposure index's verdict on the account; the newest (by decision time) is kept.</summary>
    [OneWay]
    Task SetMarginFlag(MarginFlag flag);

    /// <summary>
    /// Records or replaces a transfer's debit or credit (by its key); idempotent. The three leg calls
    /// interleave with every other call: under load many transfers touch one account at once, and
    /// their changes share one state write (a group commit) instead of queueing for one each. A leg
    /// is a fact from a chain, not a decision, so a withdrawal check that it overtakes decides as if
    /// the leg had come after it.
    /// </summary>
    [AlwaysInterleave]
    Task ApplyTransferLeg(TransferLeg leg);

    /// <summary>Takes a transfer's debit or credit back (a reorg undid it); idempotent.</summary>
    [AlwaysInterleave]
    Task RemoveTransferLeg(string key);

    /// <summary>
    /// Counts a finished transfer's legs (by key) as hard-final for good: each joins the account's
    /// settled total for its chain and token and is no longer kept by itself. A key the account no
    /// longer holds (settled before) changes nothing, so the call may be repeated.
    /// </summary>
    [AlwaysInterleave]
    Task SettleTransferLegs(IReadOnlyList<string> keys);

    /// <summary>
    /// Holds back collateral for a withdrawal if the account still covers its initial requirement
    /// without it (hard-final balance on that chain, all positions, current prices); idempotent per
    /// (chain, nonce) only in that a used nonce is refused.
    /// </summary>
    Task<WithdrawalDecision> ReserveWithdrawal(WithdrawalReservation reservation);

    /// <summary>Gives back a reservation whose clearance was never issued.</summary>
    Task ReleaseWithdrawal(string key);
}
