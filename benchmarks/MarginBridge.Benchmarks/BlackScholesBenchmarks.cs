using BenchmarkDotNet.Attributes;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.Pricing;

namespace MarginBridge.Benchmarks;

[MemoryDiagnoser]
public class BlackScholesBenchmarks
{
    private double _spot = 3_000;

    [Benchmark]
    public double NormalCdf() => NormalDistribution.Cdf(_spot / 3_500);

    [Benchmark]
    public double Price() => BlackScholes.Price(OptionKind.Call, _spot, 3_500, 30.0 / 365, 0.02, 0.6);

    [Benchmark]
    public OptionValuation PriceAndGreeks() => BlackScholes.Evaluate(OptionKind.Call, _spot, 3_500, 30.0 / 365, 0.02, 0.6);

    [GlobalSetup]
    public void Setup() => _spot = 3_000;
}
