namespace MarginBridge.Margin;

/// <summary>
/// The fixed-point units of the margin library. Money is <see cref="Int128"/> in quote units
/// (1e-6 USD, as USDC); prices are USD per whole unit of an asset × 1e8 (as Chainlink USD feeds);
/// quantities of an underlying are whole units × 1e8; rates applied to money are parts per
/// million (as dYdX) or basis points (haircuts).
/// </summary>
public static class Scales
{
    /// <summary>Quote units per USD.</summary>
    public const long Quote = 1_000_000;

    /// <summary>Price units per USD (a price of 3,000 USD is 300_000_000_000).</summary>
    public const long Price = 100_000_000;

    /// <summary>Quantity units per whole unit of an underlying (1 ETH is 100_000_000).</summary>
    public const long Quantity = 100_000_000;

    /// <summary>Parts per million.</summary>
    public const long Ppm = 1_000_000;

    /// <summary>Basis points in one.</summary>
    public const long Bps = 10_000;

    /// <summary>
    /// quantity × price ÷ <see cref="NotionalDivisor"/> is quote units:
    /// (units × 1e8) × (USD × 1e8) ÷ 1e10 = USD × 1e6.
    /// </summary>
    public const long NotionalDivisor = Quantity * Price / Quote;

    public const long SecondsPerDay = 86_400;

    /// <summary>Years are 365 days of 86,400 s (the Black-Scholes time unit).</summary>
    public const double SecondsPerYear = 365.0 * SecondsPerDay;
}
