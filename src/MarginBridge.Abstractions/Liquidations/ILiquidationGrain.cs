using System.Numerics;

namespace MarginBridge.Abstractions.Liquidations;

/// <summary>
/// Liquidates one account (key: its address) while it is below maintenance: one perpetual at a time,
/// one block's share of it per instruction, each instruction attested by the committee and delivered
/// to the venue through its chain's vault, until the account is back above maintenance.
/// </summary>
public interface ILiquidationGrain : IGrainWithStringKey
{
    /// <summary>The exposure index saw the account below maintenance: look, and liquidate if it still is.</summary>
    [Orleans.Concurrency.OneWay]
    Task Check();

    Task<LiquidationView> GetView();
}

/// <param name="Pending">The instruction under way, if any.</param>
/// <param name="Done">Every instruction that ended (fee sweeps too), oldest first.</param>
/// <param name="Sweep">The fee sweep under way, if any: a fee the account could not pay on the venue's chain, collected from another.</param>
[GenerateSerializer, Immutable]
public sealed record LiquidationView(
    [property: Id(0)] string Account,
    [property: Id(1)] LiquidationOrder? Pending,
    [property: Id(2)] IReadOnlyList<LiquidationOrder> Done,
    [property: Id(3)] LiquidationOrder? Sweep = null);

/// <summary>
/// One instruction: reduce <paramref name="Market"/> on <paramref name="Venue"/> (chain
/// <paramref name="ChainId"/>) by <paramref name="SizeDelta"/> at <paramref name="Price"/> (18-decimal),
/// with the fee to or deficit paid by that chain's insurance fund (quote units).
/// </summary>
/// <param name="Stage">Planned, Attested, Sent, Executed, Expired, Abandoned (refused by the committee and the account no longer below maintenance before anything was sent), Replaced (refused by the committee before anything was sent and planned again differently, e.g. from a newer oracle price).</param>
/// <param name="SizeBefore">The position's size when the instruction was planned.</param>
/// <param name="Token">The chain's USDC, in which the instruction settles with the fund on chain.</param>
/// <param name="FundTransfer">The fee (&gt; 0) or deficit (&lt; 0) in <paramref name="Token"/>'s base units that the vault moves.</param>
/// <param name="Counterparty">Set for an auto-deleveraging: the account whose opposite position closes against this one at the bankruptcy price.</param>
/// <param name="PlannedAtBlock">The head of <paramref name="ChainId"/> when the instruction was planned: its execution lies at or after it.</param>
/// <param name="SweepOf">Set for a fee sweep: the liquidation whose fee the account could not pay on its venue's chain. The sweep moves
/// <paramref name="FundTransfer"/> base units of <paramref name="Token"/> from the account's balance on <paramref name="ChainId"/> to that
/// chain's insurance fund, as a transfer; it has no venue, market, size or price.</param>
/// <param name="Waiting">What it waits for, in words (refusals of members, a transaction not mined).</param>
[GenerateSerializer, Immutable]
public sealed record LiquidationOrder(
    [property: Id(0)] long ChainId,
    [property: Id(1)] ulong Nonce,
    [property: Id(2)] ulong Expiry,
    [property: Id(3)] string Venue,
    [property: Id(4)] string Market,
    [property: Id(5)] BigInteger SizeDelta,
    [property: Id(6)] BigInteger Price,
    [property: Id(7)] string PaidBy,
    [property: Id(8)] BigInteger FeeToFund,
    [property: Id(9)] BigInteger PaidByFund,
    [property: Id(10)] string Stage,
    [property: Id(11)] string? Waiting,
    [property: Id(12)] string? TransactionHash,
    [property: Id(13)] DateTimeOffset At,
    [property: Id(14)] BigInteger SizeBefore,
    [property: Id(15)] string Token,
    [property: Id(16)] BigInteger FundTransfer,
    [property: Id(17)] string? Counterparty = null,
    [property: Id(18)] long PlannedAtBlock = 0,
    [property: Id(19)] LiquidationRef? SweepOf = null);
