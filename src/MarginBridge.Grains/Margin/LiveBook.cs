using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Margin;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.FixedPoint;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Chains.Contracts;

namespace MarginBridge.Grains.Margin;

/// <summary>
/// A live account's collateral and positions compiled for the margin library: quantities and
/// amounts are fixed when it is compiled, prices are set by <see cref="Reprice"/> (or by
/// <see cref="TryReprice"/>, which allocates nothing) before it is evaluated. Rounding from the venues' 18 decimals is always against the account: position
/// sizes away from zero, a long's entry up and a short's down, settled cash down.
/// </summary>
public sealed class LiveBook
{
    private static readonly BigInteger CashDivisor = BigInteger.Pow(10, 12);
    private const int MaxVolatility = 10;

    private readonly UnderlyingMarket[] _markets;
    private readonly CollateralHolding[] _collateral;
    private readonly string[] _collateralAssets;
    private readonly string[] _collateralLabels;
    private readonly PerpPosition[] _perps;
    private readonly OptionPosition[] _options;
    private readonly string?[] _optionVolatilityFeeds;
    private readonly string[] _optionMarkets;

    private LiveBook(
        List<string> underlyings,
        List<string> venues,
        List<UnderlyingMarket> markets,
        List<(CollateralHolding Holding, string Asset, string Label)> collateral,
        List<PerpPosition> perps,
        List<(OptionPosition Option, string Market, string? VolatilityFeed)> options,
        Int128 cash,
        List<string> notMargined)
    {
        Underlyings = underlyings;
        Venues = venues;
        _markets = [.. markets];
        _collateral = [.. collateral.Select(c => c.Holding)];
        _collateralAssets = [.. collateral.Select(c => c.Asset)];
        _collateralLabels = [.. collateral.Select(c => c.Label)];
        _perps = [.. perps];
        _options = [.. options.Select(o => o.Option)];
        _optionVolatilityFeeds = [.. options.Select(o => o.VolatilityFeed)];
        _optionMarkets = [.. options.Select(o => o.Market)];
        VolatilityFeeds = [.. _optionVolatilityFeeds.OfType<string>().Distinct(StringComparer.Ordinal)];
        Cash = cash;
        NotMargined = notMargined;
    }

    /// <summary>Market i of the book is the underlying <c>Underlyings[i]</c>.</summary>
    public IReadOnlyList<string> Underlyings { get; }

    /// <summary>Venue ids index this list of <c>chainId:venue</c>.</summary>
    public IReadOnlyList<string> Venues { get; }

    /// <summary>Realized P&amp;L and option premiums, quote units, rounded down.</summary>
    public Int128 Cash { get; }

    /// <summary>What the book could not take in at all (an unknown market, a token that is not collateral), and why.</summary>
    public IReadOnlyList<string> NotMargined { get; }

    /// <summary>True when a position could not be margined: no decision may rest on this book.</summary>
    public bool HasUnmarginedPositions { get; private set; }

    public bool HasPositions => _perps.Length > 0 || _options.Length > 0;

    /// <summary>The feeds of implied volatility this book's options are marked at.</summary>
    public IReadOnlyList<string> VolatilityFeeds { get; }

    /// <summary>Every feed whose answer moves this book: its underlyings, its collateral assets and its options' volatility feeds.</summary>
    public IEnumerable<string> Exposures => Underlyings.Concat(_collateralAssets).Concat(VolatilityFeeds).Where(a => a != PriceBoard.QuoteAsset).Distinct(StringComparer.Ordinal);

    public static LiveBook Compile(AccountView view, MarginBridgeOptions options, MarginModel model)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        var notMargined = new List<string>();
        var collateral = CompileCollateral(view, options, model, notMargined);

        var underlyings = new List<string>();
        var venues = new List<string>();
        var markets = new List<UnderlyingMarket>();
        var perps = new List<PerpPosition>();
        var optionPositions = new List<(OptionPosition, string, string?)>();
        var unmargined = false;
        BigInteger realized = 0;
        foreach (var position in view.Positions)
        {
            realized += position.RealizedPnl;
            if (position.Size.IsZero)
            {
                continue;
            }

            var label = $"{position.Instrument} position in market {MarketName(position.Market)} on {ChainName(options, position.ChainId)} venue {position.Venue}";
            var market = options.Markets.Find(m => string.Equals(m.OnChainId, position.Market, StringComparison.OrdinalIgnoreCase));
            if (market is null || !model.Parameters.Underlyings.TryGetValue(market.Underlying, out var parameters))
            {
                notMargined.Add($"{label}: {(market is null ? "the market is not configured" : $"underlying {market.Underlying} has no margin parameters")}");
                unmargined = true;
                continue;
            }

            var quantity = Rounding.AwayFromZero(position.Size, VenueScale.PerLibraryUnit);
            if (quantity > long.MaxValue || quantity < -long.MaxValue)
            {
                notMargined.Add($"{label}: the size is too large to margin");
                unmargined = true;
                continue;
            }

            var underlying = underlyings.IndexOf(market.Underlying);
            if (underlying < 0)
            {
                underlying = underlyings.Count;
                underlyings.Add(market.Underlying);
                markets.Add(new UnderlyingMarket(0, 0, model.TierIndex(parameters.LiquidityTier), 0));
            }

            var venueKey = $"{position.ChainId}:{position.Venue}";
            var venue = venues.IndexOf(venueKey);
            if (venue < 0)
            {
                venue = venues.Count;
                venues.Add(venueKey);
            }

            if (position.Instrument == Instrument.Perpetual)
            {
                var entry = position.Size.Sign > 0 ? Rounding.Ceiling(position.EntryPrice, VenueScale.PerLibraryUnit) : Rounding.Floor(position.EntryPrice, VenueScale.PerLibraryUnit);
                perps.Add(new PerpPosition(underlying, venue, (long)quantity, (long)BigInteger.Max(entry, 1)));
            }
            else
            {
                optionPositions.Add((OptionOf(position, market, underlying, venue, (long)quantity), position.Market, market.VolatilityFeed));
            }
        }

        var cash = Rounding.Floor(realized, CashDivisor);
        return new LiveBook(underlyings, venues, markets, collateral, perps, optionPositions, (Int128)cash, notMargined)
        {
            HasUnmarginedPositions = unmargined,
        };
    }

    /// <summary>
    /// Sets every price from <paramref name="board"/>. Collateral without a usable price counts
    /// nothing (named in the result); an underlying without one leaves the book unpriced.
    /// </summary>
    public LiveBookPricing Reprice(PriceBoard board)
    {
        TryReprice(board);
        var notCounted = new List<string>(NotMargined);
        var unpriced = new List<string>();
        for (var i = 0; i < _collateral.Length; i++)
        {
            if (!board.TryGet(_collateralAssets[i], out _, out var reason))
            {
                notCounted.Add($"{_collateralLabels[i]}: {reason}");
            }
        }

        foreach (var underlying in Underlyings)
        {
            if (!board.TryGet(underlying, out _, out var reason))
            {
                unpriced.Add($"{underlying} positions: {reason}");
            }
        }

        foreach (var feed in VolatilityFeeds)
        {
            if (!TryVolatility(board, feed, out _, out var reason))
            {
                unpriced.Add($"options marked at the {feed} volatility feed: {reason}");
            }
        }

        return new LiveBookPricing(notCounted, unpriced);
    }

    /// <summary>
    /// Sets every price from <paramref name="board"/> without allocating (collateral without a usable
    /// price counts nothing); false when an underlying has no usable price.
    /// </summary>
    public bool TryReprice(PriceBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        for (var i = 0; i < _collateral.Length; i++)
        {
            _collateral[i] = _collateral[i] with { Price = board.TryGet(_collateralAssets[i], out var price, out _) ? price : 0 };
        }

        var priced = true;
        for (var u = 0; u < _markets.Length; u++)
        {
            if (board.TryGet(Underlyings[u], out var price, out _))
            {
                _markets[u] = _markets[u] with { Price = price, OpenInterest = board.OpenInterestOf(Underlyings[u]) };
            }
            else
            {
                priced = false;
            }
        }

        for (var i = 0; i < _options.Length; i++)
        {
            if (_optionVolatilityFeeds[i] is not { } feed)
            {
                continue;
            }

            if (TryVolatility(board, feed, out var volatility, out _))
            {
                _options[i] = _options[i] with { Volatility = volatility };
            }
            else
            {
                priced = false;
            }
        }

        return priced;
    }

    /// <summary>A volatility feed's latest usable answer as an annualized volatility (at most 1,000 %).</summary>
    private static bool TryVolatility(PriceBoard board, string feed, out double volatility, out string reason)
    {
        volatility = 0;
        if (!board.TryGet(feed, out var answer, out reason))
        {
            return false;
        }

        if (answer <= 0 || answer > MaxVolatility * Scales.Price)
        {
            reason = $"its answer {(decimal)answer / Scales.Price} is not a volatility above 0 and at most {MaxVolatility}";
            return false;
        }

        volatility = (double)answer / Scales.Price;
        return true;
    }

    private static OptionPosition OptionOf(VenuePosition position, MarketOptions market, int underlying, int venue, long quantity)
    {
        var strike = (long)Rounding.Floor(position.Strike + (VenueScale.PerLibraryUnit / 2), VenueScale.PerLibraryUnit);
        var kind = position.Instrument == Instrument.Call ? OptionKind.Call : OptionKind.Put;
        return new OptionPosition(underlying, venue, kind, quantity, strike, position.Expiry, market.Volatility);
    }

    /// <summary>
    /// dYdX's liquidation input for one perpetual position of this book, evaluated as
    /// <paramref name="margin"/> and <paramref name="risks"/> (at the prices set last): the account's
    /// equity and MM, the position and its oracle price, and its share of its underlying's MM (by
    /// gross quantity). Null for an option, a closed position or one the book could not margin.
    /// </summary>
    public LiquidationInput? LiquidationInputFor(VenuePosition position, MarginBridgeOptions options, in AccountMargin margin, ReadOnlySpan<UnderlyingRisk> risks)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(options);
        var market = options.Markets.Find(m => string.Equals(m.OnChainId, position.Market, StringComparison.OrdinalIgnoreCase));
        var underlying = market is null ? -1 : Underlyings.ToList().IndexOf(market.Underlying);
        if (position.Instrument != Instrument.Perpetual || position.Size.IsZero || underlying < 0)
        {
            return null;
        }

        var quantity = (long)Rounding.AwayFromZero(position.Size, VenueScale.PerLibraryUnit);
        long gross = 0;
        foreach (var perp in _perps)
        {
            gross += perp.Underlying == underlying ? Math.Abs(perp.Quantity) : 0;
        }

        var share = gross == 0 ? 0 : risks[underlying].MaintenanceRequirement * Math.Abs(quantity) / gross;
        return new LiquidationInput(margin.Equity, margin.MaintenanceRequirement, quantity, _markets[underlying].Price, share, 0, 0);
    }

    /// <summary>
    /// One option position of this book as the margin library values it, with its underlying's
    /// price and rate (at the prices set last); null for a perpetual, a closed position or one the
    /// book could not margin.
    /// </summary>
    public (OptionPosition Option, long Spot, double Rate)? OptionFor(VenuePosition position, MarginBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(options);
        var market = options.Markets.Find(m => string.Equals(m.OnChainId, position.Market, StringComparison.OrdinalIgnoreCase));
        var underlying = market is null ? -1 : Underlyings.ToList().IndexOf(market.Underlying);
        if (position.Instrument == Instrument.Perpetual || position.Size.IsZero || underlying < 0)
        {
            return null;
        }

        var option = OptionOf(position, market!, underlying, 0, (long)Rounding.AwayFromZero(position.Size, VenueScale.PerLibraryUnit));
        var marked = Array.FindIndex(_optionMarkets, m => string.Equals(m, position.Market, StringComparison.OrdinalIgnoreCase));
        return (option with { Volatility = marked < 0 ? option.Volatility : _options[marked].Volatility }, _markets[underlying].Price, _markets[underlying].Rate);
    }

    /// <summary>
    /// Reprices from <paramref name="board"/> and evaluates, for a decision (a clearance, a
    /// liquidation); null, with the reason, when none may rest on this book: an underlying without a
    /// usable price or a position that cannot be margined.
    /// </summary>
    public LiveDecisionBasis? Decide(PriceBoard board, MarginModel model, long nowUnixSeconds, out string? undecided)
    {
        var pricing = Reprice(board);
        if (!pricing.IsPriced || HasUnmarginedPositions)
        {
            undecided = $"the account cannot be margined: {string.Join("; ", pricing.Unpriced.Concat(NotMargined))}";
            return null;
        }

        undecided = null;
        var risks = new UnderlyingRisk[Underlyings.Count];
        return new LiveDecisionBasis(Evaluate(model, nowUnixSeconds, risks, []), risks);
    }

    /// <summary>Evaluates at the prices set last; every underlying must have a price.</summary>
    public AccountMargin Evaluate(MarginModel model, long nowUnixSeconds, Span<UnderlyingRisk> risks, Span<Int128> gridPnl)
    {
        ArgumentNullException.ThrowIfNull(model);
        var book = new AccountBook(_markets, _collateral, _perps, _options, nowUnixSeconds, Cash);
        return model.Evaluate(in book, risks, gridPnl);
    }

    private static List<(CollateralHolding, string, string)> CompileCollateral(AccountView view, MarginBridgeOptions options, MarginModel model, List<string> notMargined)
    {
        var holdings = new List<(CollateralHolding, string, string)>();
        foreach (var balance in view.Balances)
        {
            var chain = options.FindChain(balance.ChainId);
            var token = chain?.FindToken(balance.Token);
            var label = $"{balance.Asset ?? balance.Token} on {chain?.Name ?? balance.ChainId.ToString(CultureInfo.InvariantCulture)}";
            if (chain is null || token is null || !model.Parameters.Collateral.TokenHaircutBps.TryGetValue(token.Asset, out var haircut))
            {
                notMargined.Add($"{label}: not a collateral token");
                continue;
            }

            // A debit still soft-final reduces the final balance at once; only credits wait for finality.
            var final = balance.Final + BigInteger.Min(balance.Pending, BigInteger.Zero);
            var pending = BigInteger.Max(balance.Pending, BigInteger.Zero);
            foreach (var (amount, isFinal) in new[] { (final, true), (pending, false) })
            {
                if (amount <= 0)
                {
                    continue;
                }

                if (FixedPointMath.TryFromBigInteger(amount, label, out var units, out var error))
                {
                    holdings.Add((new CollateralHolding(units, 0, (byte)token.Decimals, haircut, (LayerKind)chain.Kind, isFinal), token.Asset, label));
                }
                else
                {
                    notMargined.Add(error!.ToString());
                }
            }
        }

        return holdings;
    }

    private static string ChainName(MarginBridgeOptions options, long chainId) =>
        options.FindChain(chainId)?.Name ?? chainId.ToString(CultureInfo.InvariantCulture);

    private static string MarketName(string onChainId)
    {
        var bytes = Convert.FromHexString(onChainId.AsSpan(2));
        var text = System.Text.Encoding.ASCII.GetString(bytes).TrimEnd('\0');
        return MarketOptions.IsValidId(text) ? text : onChainId;
    }
}

/// <summary>What a reprice could not count: balances (valued at nothing) and underlyings (the book cannot be evaluated).</summary>
public sealed record LiveBookPricing(IReadOnlyList<string> NotCounted, IReadOnlyList<string> Unpriced)
{
    public bool IsPriced => Unpriced.Count == 0;
}

/// <summary>What a decision on a live book rests on: its margin and each underlying's risk.</summary>
public sealed record LiveDecisionBasis(AccountMargin Margin, UnderlyingRisk[] Risks);
