using MarginBridge.Margin.Book;

namespace MarginBridge.Margin.Pricing;

/// <summary>
/// Black-76: a European option on a forward F, paid at expiry and discounted at e^(−rT)
/// (Derive values its options this way, lyra-utils Black76.sol). Greeks are with respect to F.
/// </summary>
public static class Black76
{
    public static double Price(OptionKind kind, double forward, double strike, double years, double rate, double volatility) =>
        Evaluate(kind, forward, strike, years, rate, volatility).Price;

    public static OptionValuation Evaluate(OptionKind kind, double forward, double strike, double years, double rate, double volatility)
    {
        if (years <= 0)
        {
            return BlackScholes.Expired(kind, forward, strike);
        }

        var discount = Math.Exp(-rate * years);
        var sqrtYears = Math.Sqrt(years);
        var deviation = volatility * sqrtYears;
        if (deviation <= 1e-12)
        {
            var value = discount * BlackScholes.Intrinsic(kind, forward, strike);
            var inTheMoney = kind == OptionKind.Call ? forward > strike : forward < strike;
            return new OptionValuation(value, inTheMoney ? discount * (kind == OptionKind.Call ? 1 : -1) : 0, 0, 0, rate * value);
        }

        var d1 = (Math.Log(forward / strike) + (0.5 * deviation * deviation)) / deviation;
        var d2 = d1 - deviation;
        var density = NormalDistribution.Pdf(d1);
        var gamma = discount * density / (forward * deviation);
        var vega = discount * forward * density * sqrtYears;
        var decay = -discount * forward * density * volatility / (2 * sqrtYears);
        var price = kind == OptionKind.Call
            ? discount * ((forward * NormalDistribution.Cdf(d1)) - (strike * NormalDistribution.Cdf(d2)))
            : discount * ((strike * NormalDistribution.Cdf(-d2)) - (forward * NormalDistribution.Cdf(-d1)));
        var delta = kind == OptionKind.Call ? discount * NormalDistribution.Cdf(d1) : -discount * NormalDistribution.Cdf(-d1);
        return new OptionValuation(price, delta, gamma, vega, decay + (rate * price));
    }
}
