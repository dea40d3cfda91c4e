using MarginBridge.Margin.Book;
using MarginBridge.Margin.Pricing;

namespace MarginBridge.Margin.Tests.Pricing;

public sealed class BlackScholesTests
{
    [Fact]
    public void Call_AtHullExample_PricesTextbookValue() =>
        Assert.Equal(4.76, BlackScholes.Price(OptionKind.Call, 42, 40, 0.5, 0.10, 0.20), 0.005);

    [Fact]
    public void Put_AtHullExample_PricesTextbookValue() =>
        Assert.Equal(0.81, BlackScholes.Price(OptionKind.Put, 42, 40, 0.5, 0.10, 0.20), 0.005);

    /// <summary>Hull's Greek letters example: S = 49, K = 50, r = 5 %, σ = 20 %, T = 20 weeks.</summary>
    [Fact]
    public void CallGreeks_AtHullExample_AreTextbookValues()
    {
        var call = BlackScholes.Evaluate(OptionKind.Call, 49, 50, 20.0 / 52, 0.05, 0.20);
        Assert.Equal(2.40, call.Price, 0.005);
        Assert.Equal(0.522, call.Delta, 0.0005);
        Assert.Equal(0.066, call.Gamma, 0.0005);
        Assert.Equal(12.1, call.Vega, 0.05);
        Assert.Equal(-4.31, call.Theta, 0.005);
    }

    // Reference values: closed forms evaluated by mpmath at 40 digits.
    [Theory]
    [InlineData(OptionKind.Call, 42, 40, 0.5, 0.1, 0.2, 4.7594223928715334, 0.77913129094266894, 0.049962670405911853, 8.8134150596028514, -4.5590921945926267)]
    [InlineData(OptionKind.Put, 42, 40, 0.5, 0.1, 0.2, 0.80859937290009365, -0.22086870905733106, 0.049962670405911853, 8.8134150596028514, -0.7541744965897705)]
    [InlineData(OptionKind.Put, 49, 50, 0.38461538461538464, 0.05, 0.2, 2.4481754412818496, -0.4783953389336036, 0.065544039347844392, 12.1054798826288, -1.8529474170320667)]
    [InlineData(OptionKind.Call, 100, 100, 1, 0.05, 0.2, 10.450583572185567, 0.63683065117561907, 0.018762017345846893, 37.524034691693788, -6.4140275464381961)]
    [InlineData(OptionKind.Put, 100, 100, 1, 0.05, 0.2, 5.573526022256968, -0.36316934882438093, 0.018762017345846893, 37.524034691693788, -1.6578804239346258)]
    [InlineData(OptionKind.Call, 3000, 3500, 0.0821917808219178, 0, 0.6, 56.248164194232184, 0.20892951154307421, 0.00055680532846476777, 247.13003619532156, -902.02463211292372)]
    [InlineData(OptionKind.Put, 3000, 2500, 0.019178082191780823, 0, 0.8, 6.3192918387055762, -0.04446452858109109, 0.00028245377652101198, 39.001836538791795, -813.46687638051458)]
    [InlineData(OptionKind.Call, 100, 50, 0.25, 0.03, 0.3, 50.373600384859904, 0.99999896251009237, 3.4175985414179569e-7, 0.00025631989060634676, -1.4889426679188437)]
    [InlineData(OptionKind.Put, 100, 150, 2, 0.01, 0.5, 62.319631184803304, -0.57596306056509521, 0.0055393067334072428, 55.393067334072428, -5.7249740443459252)]
    public void Evaluate_AgainstClosedFormsAt40Digits_AgreesTo1e12Relative(
        OptionKind kind, double spot, double strike, double years, double rate, double vol,
        double price, double delta, double gamma, double vega, double theta)
    {
        var value = BlackScholes.Evaluate(kind, spot, strike, years, rate, vol);
        AssertClose(price, value.Price);
        AssertClose(delta, value.Delta);
        AssertClose(gamma, value.Gamma);
        AssertClose(vega, value.Vega);
        AssertClose(theta, value.Theta);
        AssertClose(price, BlackScholes.Price(kind, spot, strike, years, rate, vol));
    }

    [Theory]
    [InlineData(OptionKind.Call, 42, 40, 0.5, 0.1, 0.2)]
    [InlineData(OptionKind.Put, 42, 40, 0.5, 0.1, 0.2)]
    [InlineData(OptionKind.Call, 3000, 3500, 0.08, 0, 0.6)]
    [InlineData(OptionKind.Put, 3000, 2500, 0.02, 0, 0.8)]
    [InlineData(OptionKind.Put, 100, 150, 2, 0.01, 0.5)]
    [InlineData(OptionKind.Call, 100_000, 90_000, 0.3, 0.04, 0.45)]
    public void Greeks_AgreeWithFiniteDifferences(OptionKind kind, double spot, double strike, double years, double rate, double vol)
    {
        var value = BlackScholes.Evaluate(kind, spot, strike, years, rate, vol);
        double Price(double s, double t, double v) => BlackScholes.Price(kind, s, strike, t, rate, v);
        var ds = spot * 1e-4;
        var delta = (Price(spot + ds, years, vol) - Price(spot - ds, years, vol)) / (2 * ds);
        var gamma = (Price(spot + ds, years, vol) - (2 * value.Price) + Price(spot - ds, years, vol)) / (ds * ds);
        var vega = (Price(spot, years, vol + 1e-5) - Price(spot, years, vol - 1e-5)) / 2e-5;
        var theta = -(Price(spot, years + 1e-5, vol) - Price(spot, years - 1e-5, vol)) / 2e-5;
        Assert.Equal(delta, value.Delta, 1e-6);
        Assert.True(Math.Abs(gamma - value.Gamma) <= 1e-4 * Math.Abs(value.Gamma) + 1e-9, $"gamma {value.Gamma} vs {gamma}");
        Assert.True(Math.Abs(vega - value.Vega) <= 1e-6 * Math.Abs(value.Vega) + 1e-6, $"vega {value.Vega} vs {vega}");
        Assert.True(Math.Abs(theta - value.Theta) <= 1e-6 * Math.Abs(value.Theta) + 1e-6, $"theta {value.Theta} vs {theta}");
    }

    [Fact]
    public void CallMinusPut_EqualsSpotMinusDiscountedStrike()
    {
        for (var strike = 50.0; strike <= 150; strike += 12.5)
        {
            var call = BlackScholes.Price(OptionKind.Call, 100, strike, 0.75, 0.03, 0.4);
            var put = BlackScholes.Price(OptionKind.Put, 100, strike, 0.75, 0.03, 0.4);
            Assert.Equal(100 - (strike * Math.Exp(-0.03 * 0.75)), call - put, 1e-11);
        }
    }

    [Theory]
    [InlineData(OptionKind.Call)]
    [InlineData(OptionKind.Put)]
    public void Black76_OnTheForward_EqualsBlackScholesOnSpot(OptionKind kind)
    {
        const double spot = 3000, rate = 0.05, years = 0.4;
        var forward = spot * Math.Exp(rate * years);
        var onForward = Black76.Evaluate(kind, forward, 3200, years, rate, 0.7);
        var onSpot = BlackScholes.Evaluate(kind, spot, 3200, years, rate, 0.7);
        AssertClose(onSpot.Price, onForward.Price);
        AssertClose(onSpot.Vega, onForward.Vega);
        AssertClose(onSpot.Theta, onForward.Theta - (rate * forward * onForward.Delta));
        AssertClose(onSpot.Delta, onForward.Delta * forward / spot);
    }

    [Theory]
    [InlineData(OptionKind.Call, 110, 100, 10)]
    [InlineData(OptionKind.Put, 110, 100, 0)]
    [InlineData(OptionKind.Put, 90, 100, 10)]
    public void Option_AtOrAfterExpiry_IsWorthItsIntrinsicValue(OptionKind kind, double spot, double strike, double intrinsic)
    {
        Assert.Equal(intrinsic, BlackScholes.Price(kind, spot, strike, 0, 0.05, 0.5));
        Assert.Equal(intrinsic, BlackScholes.Evaluate(kind, spot, strike, -1, 0.05, 0.5).Price);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
