using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Prices;

namespace MarginBridge.Chains.Withdrawals;

/// <summary>
/// What a committee member read about one account from the chains: balances per chain and token
/// (final at the chain's hard-final block, pending the change since, negative after a debit), the
/// positions folded from the venues' reports, every feed's price, and each chain's head time.
/// </summary>
public sealed record AccountSnapshot(
    IReadOnlyList<ChainBalance> Balances,
    IReadOnlyList<VenuePosition> Positions,
    IReadOnlyList<PriceStatus> Prices,
    IReadOnlyDictionary<long, long> HeadTimestamps)
{
    /// <summary>
    /// Two endpoints' reads as one conservative read: each balance at the lower final and the lower
    /// total, the higher open interest; positions and prices must agree exactly, or the reads are not
    /// combined (the reason says what differs).
    /// </summary>
    public static (AccountSnapshot? Combined, string? Disagreement) Combine(AccountSnapshot a, AccountSnapshot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Positions.SequenceEqual(b.Positions))
        {
            return (null, "the member's endpoints report different positions for the account");
        }

        var priceMismatch = a.Prices.Zip(b.Prices).FirstOrDefault(p => (p.First.Price, p.First.Round, p.First.Stale is null) != (p.Second.Price, p.Second.Round, p.Second.Stale is null));
        if (priceMismatch != default)
        {
            return (null, $"the member's endpoints report different {priceMismatch.First.Asset} prices (rounds {priceMismatch.First.Round} and {priceMismatch.Second.Round})");
        }

        var balances = a.Balances.Zip(b.Balances, (x, y) =>
        {
            var final = System.Numerics.BigInteger.Min(x.Final, y.Final);
            var total = System.Numerics.BigInteger.Min(x.Final + x.Pending, y.Final + y.Pending);
            return x with { Final = final, Pending = total - final };
        }).ToList();
        var heads = a.HeadTimestamps.ToDictionary(h => h.Key, h => Math.Min(h.Value, b.HeadTimestamps.GetValueOrDefault(h.Key, h.Value)));
        var prices = a.Prices.Zip(b.Prices, (x, y) => x with { OpenInterest = Math.Max(x.OpenInterest, y.OpenInterest) }).ToList();
        return (new AccountSnapshot(balances, a.Positions, prices, heads), null);
    }
}
