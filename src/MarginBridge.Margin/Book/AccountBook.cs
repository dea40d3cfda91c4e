namespace MarginBridge.Margin.Book;

/// <summary>
/// One account's collateral and positions at a point in time, as spans over the caller's storage:
/// building or evaluating it allocates nothing.
/// </summary>
public readonly ref struct AccountBook(
    ReadOnlySpan<UnderlyingMarket> markets,
    ReadOnlySpan<CollateralHolding> collateral,
    ReadOnlySpan<PerpPosition> perps,
    ReadOnlySpan<OptionPosition> options,
    long nowUnixSeconds,
    Int128 cash = default)
{
    public ReadOnlySpan<UnderlyingMarket> Markets { get; } = markets;

    public ReadOnlySpan<CollateralHolding> Collateral { get; } = collateral;

    public ReadOnlySpan<PerpPosition> Perps { get; } = perps;

    public ReadOnlySpan<OptionPosition> Options { get; } = options;

    public long NowUnixSeconds { get; } = nowUnixSeconds;

    /// <summary>Settled money at venues in quote units, signed: realized P&amp;L and option premiums. Counts in equity as it is.</summary>
    public Int128 Cash { get; } = cash;
}
