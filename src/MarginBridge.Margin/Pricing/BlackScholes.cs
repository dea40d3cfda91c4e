using MarginBridge.Margin.Book;

namespace MarginBridge.Margin.Pricing;

/// <summary>
/// Black-Scholes for European options on a spot price with no dividend (crypto), with the risk-free
/// rate continuously compounded; <see cref="Black76"/> is the same model on the forward F = S·e^(rT).
/// </summary>
public static class BlackScholes
{
    public static double Price(OptionKind kind, double spot, double strike, double years, double rate, double volatility)
    {
        if (years <= 0)
        {
            return Intrinsic(kind, spot, strike);
        }

        var discount = Math.Exp(-rate * years);
        var deviation = volatility * Math.Sqrt(years);
        if (deviation <= 1e-12)
        {
            return Intrinsic(kind, spot, strike * discount);
        }

        var d1 = (Math.Log(spot / strike) + (rate * years) + (0.5 * deviation * deviation)) / deviation;
        var d2 = d1 - deviation;
        return kind == OptionKind.Call
            ? (spot * NormalDistribution.Cdf(d1)) - (strike * discount * NormalDistribution.Cdf(d2))
            : (strike * discount * NormalDistribution.Cdf(-d2)) - (spot * NormalDistribution.Cdf(-d1));
    }

    /// <summary>Price and Greeks with respect to spot; see <see cref="OptionValuation"/> for the units.</summary>
    public static OptionValuation Evaluate(OptionKind kind, double spot, double strike, double years, double rate, double volatility)
    {
        if (years <= 0)
        {
            return Expired(kind, spot, strike);
        }

        var sqrtYears = Math.Sqrt(years);
        var deviation = volatility * sqrtYears;
        var discount = Math.Exp(-rate * years);
        if (deviation <= 1e-12)
        {
            var inTheMoney = kind == OptionKind.Call ? spot > strike * discount : spot < strike * discount;
            var sign = kind == OptionKind.Call ? 1 : -1;
            return new OptionValuation(
                Intrinsic(kind, spot, strike * discount),
                inTheMoney ? sign : 0,
                0,
                0,
                inTheMoney ? -sign * rate * strike * discount : 0);
        }

        var d1 = (Math.Log(spot / strike) + (rate * years) + (0.5 * deviation * deviation)) / deviation;
        var d2 = d1 - deviation;
        var density = NormalDistribution.Pdf(d1);
        var gamma = density / (spot * deviation);
        var vega = spot * density * sqrtYears;
        var decay = -spot * density * volatility / (2 * sqrtYears);
        if (kind == OptionKind.Call)
        {
            var nd1 = NormalDistribution.Cdf(d1);
            var nd2 = NormalDistribution.Cdf(d2);
            return new OptionValuation(
                (spot * nd1) - (strike * discount * nd2),
                nd1,
                gamma,
                vega,
                decay - (rate * strike * discount * nd2));
        }

        var nMinusD1 = NormalDistribution.Cdf(-d1);
        var nMinusD2 = NormalDistribution.Cdf(-d2);
        return new OptionValuation(
            (strike * discount * nMinusD2) - (spot * nMinusD1),
            -nMinusD1,
            gamma,
            vega,
            decay + (rate * strike * discount * nMinusD2));
    }

    internal static double Intrinsic(OptionKind kind, double spot, double strike) =>
        kind == OptionKind.Call ? Math.Max(spot - strike, 0) : Math.Max(strike - spot, 0);

    internal static OptionValuation Expired(OptionKind kind, double spot, double strike)
    {
        var inTheMoney = kind == OptionKind.Call ? spot > strike : spot < strike;
        return new OptionValuation(Intrinsic(kind, spot, strike), inTheMoney ? (kind == OptionKind.Call ? 1 : -1) : 0, 0, 0, 0);
    }
}
