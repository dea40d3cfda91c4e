namespace MarginBridge.Margin.Pricing;

/// <summary>The standard normal distribution.</summary>
public static class NormalDistribution
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;
    private const double Sqrt2Pi = 2.506628274631000502415765284811;

    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// Φ(x) by Hart's double-precision algorithm 5666 as given by G. West, "Better approximations to
    /// cumulative normal functions" (Wilmott, 2005): a rational function times e^(−x²/2) for |x| &lt; 10/√2,
    /// a continued fraction beyond. Against mpmath on a 0.01 grid from −37 to 8 the absolute error is at
    /// most 2.2e-16; the lower tail is computed directly (never as 1 − Φ), so its relative error stays
    /// below 1e-8 (at −8) and below 1e-13 down to −3.
    /// </summary>
    public static double Cdf(double x) => CdfWithDensity(x, Math.Exp(-0.5 * x * x));

    /// <summary>
    /// Φ(x) given e^(−x²/2), for callers that already know it: in Black-Scholes
    /// e^(−d2²/2) = e^(−d1²/2) × S ÷ (K·e^(−rT)), which saves one exponential per price.
    /// </summary>
    internal static double CdfWithDensity(double x, double exponential)
    {
        var z = Math.Abs(x);
        double tail;
        if (z > 37)
        {
            tail = 0;
        }
        else
        {
            if (z < 7.07106781186547)
            {
                var numerator = ((((((3.52624965998911E-02 * z) + 0.700383064443688) * z + 6.37396220353165) * z
                    + 33.912866078383) * z + 112.079291497871) * z + 221.213596169931) * z + 220.206867912376;
                var denominator = (((((((8.83883476483184E-02 * z) + 1.75566716318264) * z + 16.064177579207) * z
                    + 86.7807322029461) * z + 296.564248779674) * z + 637.333633378831) * z + 793.826512519948) * z
                    + 440.413735824752;
                tail = exponential * numerator / denominator;
            }
            else
            {
                var fraction = z + (1 / (z + (2 / (z + (3 / (z + (4 / (z + 0.65))))))));
                tail = exponential / fraction / Sqrt2Pi;
            }
        }

        return x > 0 ? 1 - tail : tail;
    }
}
