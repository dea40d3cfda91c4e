using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>
/// An account's position in one venue market, folded from the venue's <c>PositionChanged</c> reports
/// in chain order. 18-decimal fixed point throughout, as the adapter reports it.
/// </summary>
/// <param name="Size">Signed size (negative is short), 1e18 per unit of the underlying.</param>
/// <param name="EntryPrice">Perpetuals: the average fill price of the open size (USD × 1e18), rounded against the holder; 0 when flat and for options.</param>
/// <param name="RealizedPnl">USD × 1e18 the account gained (or lost, negative) from fills: closed perpetual size against its entry, and option premiums paid or received. Counted in equity.</param>
/// <param name="LastBlock">The block of the last report folded in (−1 before the first).</param>
/// <param name="LastLog">That report's log index.</param>
[GenerateSerializer, Immutable]
public sealed record VenuePosition(
    [property: Id(0)] long ChainId,
    [property: Id(1)] string Venue,
    [property: Id(2)] string Market,
    [property: Id(3)] Instrument Instrument,
    [property: Id(4)] BigInteger Size,
    [property: Id(5)] BigInteger EntryPrice,
    [property: Id(6)] BigInteger Strike,
    [property: Id(7)] long Expiry,
    [property: Id(8)] BigInteger RealizedPnl,
    [property: Id(9)] long LastBlock,
    [property: Id(10)] long LastLog)
{
    private static readonly BigInteger One = BigInteger.Pow(10, 18);

    public static VenuePosition Flat(PositionChange change) =>
        new(change.ChainId, change.Venue, change.Market, change.Instrument, 0, 0, change.Strike, change.Expiry, 0, -1, -1);

    public (long Block, long Log) LastReport => (LastBlock, LastLog);

    /// <summary>
    /// The position after <paramref name="change"/>. Perpetuals: size that closes realizes
    /// (fill − entry) × closed size; size that opens averages into the entry (rounded up for a long,
    /// down for a short, so unrealized P&amp;L is never overstated); a flip closes all, then opens at
    /// the fill. Options: the premium of the size bought is paid, of the size sold received.
    /// </summary>
    public VenuePosition Apply(PositionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var next = this with { Instrument = change.Instrument, Strike = change.Strike, Expiry = change.Expiry, Size = change.Size, LastBlock = change.BlockNumber, LastLog = change.LogIndex };
        var fill = change.Price;
        if (change.Instrument != Instrument.Perpetual)
        {
            return next with { EntryPrice = 0, RealizedPnl = RealizedPnl - Rounding.Floor((change.Size - Size) * fill, One) };
        }

        var (before, after) = (Size, change.Size);
        if (before.IsZero || after.IsZero || before.Sign != after.Sign)
        {
            var realized = RealizedPnl + Rounding.Floor(before * (fill - EntryPrice), One);
            return next with { RealizedPnl = realized, EntryPrice = after.IsZero ? 0 : fill };
        }

        if (BigInteger.Abs(after) <= BigInteger.Abs(before))
        {
            return next with { EntryPrice = EntryPrice, RealizedPnl = RealizedPnl + Rounding.Floor((before - after) * (fill - EntryPrice), One) };
        }

        var cost = (BigInteger.Abs(before) * EntryPrice) + (BigInteger.Abs(after - before) * fill);
        var entry = after.Sign > 0 ? Rounding.Ceiling(cost, BigInteger.Abs(after)) : cost / BigInteger.Abs(after);
        return next with { EntryPrice = entry };
    }
}
