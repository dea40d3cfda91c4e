namespace MarginBridge.Margin.Book;

/// <summary>A European option position on one venue, valued with Black-Scholes at the underlying's price.</summary>
/// <param name="Underlying">Index into the book's markets.</param>
/// <param name="Venue">The venue's id.</param>
/// <param name="Kind">Call or put.</param>
/// <param name="Quantity">Signed quantity units (× 1e8) of the underlying, long positive.</param>
/// <param name="Strike">USD × 1e8.</param>
/// <param name="ExpiryUnixSeconds">Expiry; time to expiry is counted in years of 365 days.</param>
/// <param name="Volatility">Implied volatility, annualized (0.6 is 60 %).</param>
public readonly record struct OptionPosition(int Underlying, int Venue, OptionKind Kind, long Quantity, long Strike, long ExpiryUnixSeconds, double Volatility);
