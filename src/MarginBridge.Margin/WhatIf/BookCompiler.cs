using MarginBridge.Margin.Book;
using MarginBridge.Margin.FixedPoint;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Margin.WhatIf;

/// <summary>
/// Checks a <see cref="WhatIfBook"/> against the model's parameters and compiles it to fixed point.
/// Every refusal names its field as the JSON body spells it (<c>options[2].volatility</c>); a book with
/// any error compiles to nothing. Decimal amounts must be exact in the library's units (8 decimals for
/// prices and quantities): nothing is rounded silently.
/// </summary>
public static class BookCompiler
{
    private const double MaxVolatility = 10;
    private const double MaxRate = 1;

    public static BookCompilation Compile(WhatIfBook book, MarginModel model)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<MarginError>();
        var parameters = model.Parameters;

        var underlyings = new List<string>();
        var markets = new List<UnderlyingMarket>();
        if (book.Markets.Count > MarginModel.MaxUnderlyings)
        {
            errors.Add(new MarginError("markets", $"at most {MarginModel.MaxUnderlyings} underlyings"));
        }

        for (var i = 0; i < book.Markets.Count; i++)
        {
            var market = book.Markets[i];
            var field = $"markets[{i}]";
            if (!parameters.Underlyings.TryGetValue(market.Underlying ?? string.Empty, out var underlying))
            {
                errors.Add(new MarginError($"{field}.underlying", $"unknown underlying '{market.Underlying}'"));
                continue;
            }

            if (underlyings.Contains(market.Underlying!))
            {
                errors.Add(new MarginError($"{field}.underlying", $"'{market.Underlying}' is listed twice"));
            }

            var price = Positive(market.Price, Scales.Price, $"{field}.price", errors);
            var openInterest = Fixed(market.OpenInterest, Scales.Quantity, $"{field}.openInterest", errors, allowNegative: false);
            if (!double.IsFinite(market.Rate) || Math.Abs(market.Rate) > MaxRate)
            {
                errors.Add(new MarginError($"{field}.rate", $"must be a finite rate between -{MaxRate} and {MaxRate}"));
            }

            underlyings.Add(market.Underlying!);
            markets.Add(new UnderlyingMarket(price, openInterest, model.TierIndex(underlying.LiquidityTier), market.Rate));
        }

        var tokens = CompileTokens(book.Tokens, parameters.Collateral.TokenHaircutBps, errors);
        var collateral = CompileCollateral(book.Collateral, tokens, errors);
        var venues = new List<string>();
        var perps = CompilePerps(book.Perps, underlyings, venues, errors);
        var options = CompileOptions(book, underlyings, venues, errors);

        return errors.Count > 0
            ? new BookCompilation(null, errors)
            : new BookCompilation(new CompiledBook(underlyings, venues, [.. markets], collateral, perps, options, book.NowUnixSeconds), errors);
    }

    private static Dictionary<string, (long Price, byte Decimals, int HaircutBps)> CompileTokens(
        IReadOnlyList<WhatIfToken> tokens,
        IReadOnlyDictionary<string, int> haircuts,
        List<MarginError> errors)
    {
        var compiled = new Dictionary<string, (long, byte, int)>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var field = $"tokens[{i}]";
            if (!haircuts.TryGetValue(token.Symbol ?? string.Empty, out var haircut))
            {
                errors.Add(new MarginError($"{field}.symbol", $"'{token.Symbol}' is not a collateral token"));
                continue;
            }

            if (token.Decimals is < 0 or > 36)
            {
                errors.Add(new MarginError($"{field}.decimals", "must be between 0 and 36"));
            }

            var price = Fixed(token.Price, Scales.Price, $"{field}.price", errors, allowNegative: false);
            if (!compiled.TryAdd(token.Symbol!, (price, (byte)Math.Clamp(token.Decimals, 0, 36), haircut)))
            {
                errors.Add(new MarginError($"{field}.symbol", $"'{token.Symbol}' is listed twice"));
            }
        }

        return compiled;
    }

    private static CollateralHolding[] CompileCollateral(
        IReadOnlyList<WhatIfCollateral> balances,
        Dictionary<string, (long Price, byte Decimals, int HaircutBps)> tokens,
        List<MarginError> errors)
    {
        var compiled = new CollateralHolding[balances.Count];
        for (var i = 0; i < balances.Count; i++)
        {
            var balance = balances[i];
            var field = $"collateral[{i}]";
            if (string.IsNullOrWhiteSpace(balance.Chain))
            {
                errors.Add(new MarginError($"{field}.chain", "is required"));
            }

            if (!Enum.IsDefined(balance.Layer))
            {
                errors.Add(new MarginError($"{field}.layer", "must be L1, Optimistic, ZkRollup or AppChain"));
            }

            if (!tokens.TryGetValue(balance.Token ?? string.Empty, out var token))
            {
                errors.Add(new MarginError($"{field}.token", $"'{balance.Token}' is not one of tokens"));
                continue;
            }

            if (FixedPointMath.TryFromBigInteger(balance.Amount, $"{field}.amount", out var amount, out var error))
            {
                compiled[i] = new CollateralHolding(amount, token.Price, token.Decimals, token.HaircutBps, balance.Layer, balance.Final);
            }
            else
            {
                errors.Add(error!);
            }
        }

        return compiled;
    }

    private static PerpPosition[] CompilePerps(IReadOnlyList<WhatIfPerp> perps, List<string> underlyings, List<string> venues, List<MarginError> errors)
    {
        var compiled = new PerpPosition[perps.Count];
        for (var i = 0; i < perps.Count; i++)
        {
            var perp = perps[i];
            var field = $"perps[{i}]";
            var underlying = UnderlyingIndex(perp.Underlying, underlyings, $"{field}.underlying", errors);
            var venue = VenueIndex(perp.Venue, venues, $"{field}.venue", errors);
            var quantity = NonZero(perp.Quantity, $"{field}.quantity", errors);
            var entry = Positive(perp.EntryPrice, Scales.Price, $"{field}.entryPrice", errors);
            for (var j = 0; j < i; j++)
            {
                if (perps[j].Underlying == perp.Underlying && perps[j].Venue == perp.Venue)
                {
                    errors.Add(new MarginError($"{field}.venue", $"perps[{j}] is already the {perp.Underlying} position on '{perp.Venue}' (a venue holds one position per market)"));
                    break;
                }
            }

            compiled[i] = new PerpPosition(underlying, venue, quantity, entry);
        }

        return compiled;
    }

    private static OptionPosition[] CompileOptions(WhatIfBook book, List<string> underlyings, List<string> venues, List<MarginError> errors)
    {
        var compiled = new OptionPosition[book.Options.Count];
        for (var i = 0; i < book.Options.Count; i++)
        {
            var option = book.Options[i];
            var field = $"options[{i}]";
            var underlying = UnderlyingIndex(option.Underlying, underlyings, $"{field}.underlying", errors);
            var venue = VenueIndex(option.Venue, venues, $"{field}.venue", errors);
            if (!Enum.IsDefined(option.Kind))
            {
                errors.Add(new MarginError($"{field}.kind", "must be Call or Put"));
            }

            var quantity = NonZero(option.Quantity, $"{field}.quantity", errors);
            var strike = Positive(option.Strike, Scales.Price, $"{field}.strike", errors);
            if (option.ExpiryUnixSeconds <= book.NowUnixSeconds)
            {
                errors.Add(new MarginError($"{field}.expiryUnixSeconds", "must be after nowUnixSeconds (the expiry is in the past)"));
            }

            if (!(option.Volatility > 0 && option.Volatility <= MaxVolatility))
            {
                errors.Add(new MarginError($"{field}.volatility", $"must be above 0 and at most {MaxVolatility}"));
            }

            compiled[i] = new OptionPosition(underlying, venue, option.Kind, quantity, strike, option.ExpiryUnixSeconds, option.Volatility);
        }

        return compiled;
    }

    private static int UnderlyingIndex(string? symbol, List<string> underlyings, string field, List<MarginError> errors)
    {
        var index = underlyings.IndexOf(symbol ?? string.Empty);
        if (index < 0)
        {
            errors.Add(new MarginError(field, $"unknown underlying '{symbol}' (not one of markets)"));
        }

        return index;
    }

    private static int VenueIndex(string? venue, List<string> venues, string field, List<MarginError> errors)
    {
        if (string.IsNullOrWhiteSpace(venue))
        {
            errors.Add(new MarginError(field, "is required"));
            return -1;
        }

        var index = venues.IndexOf(venue);
        if (index < 0)
        {
            venues.Add(venue);
            index = venues.Count - 1;
        }

        return index;
    }

    private static long NonZero(decimal value, string field, List<MarginError> errors)
    {
        var units = Fixed(value, Scales.Quantity, field, errors, allowNegative: true);
        if (value == 0)
        {
            errors.Add(new MarginError(field, "must not be zero"));
        }

        return units;
    }

    private static long Positive(decimal value, long scale, string field, List<MarginError> errors)
    {
        if (value <= 0)
        {
            errors.Add(new MarginError(field, "must be above zero"));
            return 0;
        }

        return Fixed(value, scale, field, errors, allowNegative: false);
    }

    /// <summary>value × scale, which must be a whole number within a long.</summary>
    private static long Fixed(decimal value, long scale, string field, List<MarginError> errors, bool allowNegative)
    {
        if (!allowNegative && value < 0)
        {
            errors.Add(new MarginError(field, "must not be negative"));
            return 0;
        }

        if (Math.Abs(value) > (decimal)long.MaxValue / scale)
        {
            errors.Add(new MarginError(field, "is too large"));
            return 0;
        }

        var scaled = value * scale;
        if (scaled != decimal.Truncate(scaled))
        {
            errors.Add(new MarginError(field, $"has more than {Math.Log10(scale):0} decimals"));
            return 0;
        }

        return (long)scaled;
    }
}
