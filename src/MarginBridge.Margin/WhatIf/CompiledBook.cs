using MarginBridge.Margin.Book;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Margin.WhatIf;

/// <summary>A checked book in fixed point; market i is <see cref="Underlyings"/>[i], venue ids index <see cref="Venues"/>.</summary>
public sealed class CompiledBook
{
    private readonly UnderlyingMarket[] _markets;
    private readonly CollateralHolding[] _collateral;
    private readonly PerpPosition[] _perps;
    private readonly OptionPosition[] _options;

    internal CompiledBook(
        IReadOnlyList<string> underlyings,
        IReadOnlyList<string> venues,
        UnderlyingMarket[] markets,
        CollateralHolding[] collateral,
        PerpPosition[] perps,
        OptionPosition[] options,
        long nowUnixSeconds)
    {
        Underlyings = underlyings;
        Venues = venues;
        _markets = markets;
        _collateral = collateral;
        _perps = perps;
        _options = options;
        NowUnixSeconds = nowUnixSeconds;
    }

    public IReadOnlyList<string> Underlyings { get; }

    public IReadOnlyList<string> Venues { get; }

    public ReadOnlySpan<UnderlyingMarket> Markets => _markets;

    public ReadOnlySpan<CollateralHolding> Collateral => _collateral;

    public ReadOnlySpan<PerpPosition> Perps => _perps;

    public ReadOnlySpan<OptionPosition> Options => _options;

    public long NowUnixSeconds { get; }

    public AccountBook AsBook() => new(_markets, _collateral, _perps, _options, NowUnixSeconds);

    /// <summary>Evaluates the book; see <see cref="MarginModel.Evaluate"/> for the spans.</summary>
    public AccountMargin Evaluate(MarginModel model, Span<UnderlyingRisk> underlyings, Span<Int128> gridPnl)
    {
        ArgumentNullException.ThrowIfNull(model);
        var book = AsBook();
        return model.Evaluate(in book, underlyings, gridPnl);
    }
}
