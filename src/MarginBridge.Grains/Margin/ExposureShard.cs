using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Chains.Configuration;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Grains.Margin;

/// <summary>
/// The books of the accounts in one exposure shard and their last status. <see cref="Remargin"/>
/// re-evaluates every book at the shard's prices and allocates only for accounts whose status changed.
/// </summary>
public sealed class ExposureShard(MarginModel model, MarginBridgeOptions options)
{
    private const string UnpricedReason = "an underlying of a position has no usable price";
    private const string UnmarginedReason = "a position cannot be margined (its market or underlying is not configured)";

    private readonly Dictionary<string, Entry> _accounts = new(StringComparer.Ordinal);
    private readonly UnderlyingRisk[] _risks = new UnderlyingRisk[MarginModel.MaxUnderlyings];

    public PriceBoard Prices { get; } = new([]);

    public int Count => _accounts.Count;

    public IEnumerable<string> Accounts => _accounts.Keys;

    /// <summary>Adds or replaces the account's book and margins it; its new flag.</summary>
    public MarginFlag Upsert(AccountView view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var entry = new Entry(LiveBook.Compile(view, options, model), view.Positions);
        _accounts[view.Address] = entry;
        Evaluate(entry, now.ToUnixTimeSeconds());
        return entry.Flag(now);
    }

    public bool Remove(string account) => _accounts.Remove(account);

    /// <summary>Re-margins every book; the accounts whose status changed, with their new flags.</summary>
    public List<(string Account, MarginFlag Flag)> Remargin(DateTimeOffset now)
    {
        var changed = new List<(string, MarginFlag)>();
        var seconds = now.ToUnixTimeSeconds();
        foreach (var (account, entry) in _accounts)
        {
            if (Evaluate(entry, seconds))
            {
                changed.Add((account, entry.Flag(now)));
            }
        }

        return changed;
    }

    /// <summary>Σ (maintenance requirement − equity) over the shard's accounts below maintenance, quote units.</summary>
    public Int128 UnderMargined()
    {
        Int128 total = 0;
        foreach (var entry in _accounts.Values)
        {
            if (entry.Status is MarginStatus.Liquidatable or MarginStatus.NegativeEquity)
            {
                total += entry.Margin.MaintenanceRequirement - entry.Margin.Equity;
            }
        }

        return total;
    }

    /// <summary>Accounts above maintenance holding the perpetual opposite to <paramref name="side"/> on that venue and market.</summary>
    public List<DeleverageCounterparty> Opposites(long chainId, string venue, string market, int side)
    {
        var found = new List<DeleverageCounterparty>();
        foreach (var (account, entry) in _accounts)
        {
            if (entry.Status is not (MarginStatus.Healthy or MarginStatus.BelowInitial))
            {
                continue;
            }

            var position = entry.Positions.FirstOrDefault(p => p.ChainId == chainId && p.Venue == venue && p.Instrument == Instrument.Perpetual
                && string.Equals(p.Market, market, StringComparison.OrdinalIgnoreCase) && p.Size.Sign == -side);
            if (position is not null)
            {
                found.Add(new DeleverageCounterparty(account, position.Size, position.EntryPrice, (System.Numerics.BigInteger)entry.Margin.Equity));
            }
        }

        return found;
    }

    public Dictionary<MarginStatus, int> CountByStatus() =>
        _accounts.Values.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Evaluates one book at the shard's prices; true when its status changed.</summary>
    private bool Evaluate(Entry entry, long nowUnixSeconds)
    {
        var before = entry.Status;
        if (entry.Book.HasUnmarginedPositions || !entry.Book.TryReprice(Prices))
        {
            entry.Status = MarginStatus.Undecided;
            entry.Reason = entry.Book.HasUnmarginedPositions ? UnmarginedReason : UnpricedReason;
            return before != entry.Status;
        }

        var margin = entry.Book.Evaluate(model, nowUnixSeconds, _risks, []);
        entry.Margin = margin;
        entry.Reason = null;
        entry.Status = margin.Equity < 0 ? MarginStatus.NegativeEquity
            : margin.IsLiquidatable ? MarginStatus.Liquidatable
            : margin.MeetsInitial ? MarginStatus.Healthy
            : MarginStatus.BelowInitial;
        return before != entry.Status;
    }

    private sealed class Entry(LiveBook book, IReadOnlyList<VenuePosition> positions)
    {
        public LiveBook Book { get; } = book;

        public IReadOnlyList<VenuePosition> Positions { get; } = positions;

        public MarginStatus Status { get; set; } = (MarginStatus)(-1);

        public AccountMargin Margin { get; set; }

        public string? Reason { get; set; }

        public MarginFlag Flag(DateTimeOffset now) =>
            new(Status, (System.Numerics.BigInteger)Margin.Equity, (System.Numerics.BigInteger)Margin.InitialRequirement, (System.Numerics.BigInteger)Margin.MaintenanceRequirement, now, Reason);
    }
}
