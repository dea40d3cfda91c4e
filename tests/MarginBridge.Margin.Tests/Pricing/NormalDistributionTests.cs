using MarginBridge.Margin.Pricing;

namespace MarginBridge.Margin.Tests.Pricing;

public sealed class NormalDistributionTests
{
    // Reference values from mpmath.ncdf at 40 digits.
    [Theory]
    [InlineData(-8, 6.2209605742717841235e-16)]
    [InlineData(-5, 2.8665157187919391167e-7)]
    [InlineData(-3, 0.0013498980316300945267)]
    [InlineData(-1.5, 0.066807201268858066004)]
    [InlineData(-0.5, 0.30853753872598689636)]
    [InlineData(0, 0.5)]
    [InlineData(0.3, 0.61791142218895263307)]
    [InlineData(1, 0.84134474606854294859)]
    [InlineData(2.5, 0.99379033467422386483)]
    [InlineData(4, 0.99996832875816688008)]
    [InlineData(7.5, 0.99999999999996809108)]
    public void Cdf_AtReferencePoints_IsAccurateTo1e15(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(x), 1e-15);

    [Theory]
    [InlineData(-8, 6.2209605742717841235e-16, 1e-8)]
    [InlineData(-5, 2.8665157187919391167e-7, 1e-10)]
    [InlineData(-3, 0.0013498980316300945267, 1e-13)]
    public void Cdf_InTheLowerTail_KeepsItsRelativeAccuracy(double x, double expected, double relative) =>
        Assert.True(Math.Abs(NormalDistribution.Cdf(x) - expected) / expected < relative);

    [Fact]
    public void Cdf_IsSymmetric()
    {
        for (var x = -10.0; x <= 10; x += 0.37)
        {
            Assert.Equal(1, NormalDistribution.Cdf(x) + NormalDistribution.Cdf(-x), 1e-15);
        }
    }

    [Fact]
    public void Pdf_IsTheDerivativeOfTheCdf()
    {
        const double h = 1e-5;
        for (var x = -6.0; x <= 6; x += 0.5)
        {
            var slope = (NormalDistribution.Cdf(x + h) - NormalDistribution.Cdf(x - h)) / (2 * h);
            Assert.Equal(NormalDistribution.Pdf(x), slope, 1e-9);
        }
    }
}
