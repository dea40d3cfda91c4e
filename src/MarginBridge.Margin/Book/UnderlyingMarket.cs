namespace MarginBridge.Margin.Book;

/// <summary>
/// Market data of one underlying at evaluation time. Positions name it by its index in the book's
/// market span.
/// </summary>
/// <param name="Price">Oracle price, USD × 1e8; every position of the underlying is marked at it.</param>
/// <param name="OpenInterest">The perpetual market's open interest, quantity units (× 1e8), for the tier's IMF scaling.</param>
/// <param name="TierIndex">Index of the underlying's liquidity tier in <see cref="Parameters.PerpetualParameters.Tiers"/>.</param>
/// <param name="Rate">Continuously compounded risk-free rate for option valuation (0 for crypto forwards).</param>
public readonly record struct UnderlyingMarket(long Price, long OpenInterest, int TierIndex, double Rate);
