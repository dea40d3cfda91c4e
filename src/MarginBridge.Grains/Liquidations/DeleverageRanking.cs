using MarginBridge.Abstractions.Margin;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Chains.Contracts;

namespace MarginBridge.Grains.Liquidations;

/// <summary>
/// The order in which opposite positions take over a deficit the insurance fund cannot pay: the
/// silo picks the first, and every committee member ranks the same way from its own reads before
/// it signs.
/// </summary>
public static class DeleverageRanking
{
    /// <summary>
    /// <paramref name="opposites"/> (sizes and entry prices × 1e18, equity in quote units) best first,
    /// each with its quantity (× 1e8) and its score at <paramref name="price"/> (USD × 1e8), for the
    /// liquidated quantity (× 1e8).
    /// </summary>
    public static IReadOnlyList<(DeleverageCounterparty Counterparty, long Quantity, double Score)> Rank(IReadOnlyList<DeleverageCounterparty> opposites, long liquidatedQuantity, long price)
    {
        ArgumentNullException.ThrowIfNull(opposites);
        var candidates = opposites.Select((c, i) => new DeleverageCandidate(i, (long)(c.Size / VenueScale.PerLibraryUnit), (long)(c.EntryPrice / VenueScale.PerLibraryUnit), (Int128)c.Equity)).ToArray();
        var (scores, order) = (new double[candidates.Length], new int[candidates.Length]);
        var count = Deleveraging.Rank(candidates, liquidatedQuantity, price, scores, order);
        return [.. order[..count].Select(i => (opposites[i], candidates[i].Quantity, Deleveraging.Score(candidates[i], price)))];
    }
}
