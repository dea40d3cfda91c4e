namespace MarginBridge.Margin.Book;

/// <summary>A perpetual position on one venue.</summary>
/// <param name="Underlying">Index into the book's markets.</param>
/// <param name="Venue">The venue's id; positions in one underlying on different venues net.</param>
/// <param name="Quantity">Signed quantity units (× 1e8), long positive.</param>
/// <param name="EntryPrice">USD × 1e8; unrealized P&amp;L is quantity × (price − entry).</param>
public readonly record struct PerpPosition(int Underlying, int Venue, long Quantity, long EntryPrice);
