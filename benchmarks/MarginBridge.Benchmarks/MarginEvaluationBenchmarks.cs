using BenchmarkDotNet.Attributes;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Benchmarks;

/// <summary>One account's full margin evaluation: collateral, P&amp;L, requirements, Greeks, worst scenario.</summary>
[MemoryDiagnoser]
public class MarginEvaluationBenchmarks
{
    private readonly MarginModel _model = new(new MarginParameters());
    private readonly UnderlyingRisk[] _risks = new UnderlyingRisk[2];
    private UnderlyingMarket[] _markets = [];
    private CollateralHolding[] _collateral = [];
    private PerpPosition[] _perps = [];
    private OptionPosition[] _options = [];
    private Int128[] _grid = [];

    [Params(1, 10, 100)]
    public int Positions { get; set; }

    /// <summary>True: 4 in 5 positions are options (scenario grid); false: perpetuals only (liquidity tiers).</summary>
    [Params(true, false)]
    public bool Options { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _markets = SampleBooks.Markets();
        _collateral = SampleBooks.Collateral();
        (_perps, _options) = SampleBooks.Positions(Positions, Options);
        _grid = new Int128[_markets.Length * _model.ScenarioCount];
    }

    [Benchmark]
    public Int128 Evaluate()
    {
        var book = new AccountBook(_markets, _collateral, _perps, _options, SampleBooks.Now);
        return _model.Evaluate(in book, _risks, default).MaintenanceRequirement;
    }

    /// <summary>The same, also writing the full grid P&amp;L (what <c>mb account --grid</c> draws).</summary>
    [Benchmark]
    public Int128 EvaluateWithGrid()
    {
        var book = new AccountBook(_markets, _collateral, _perps, _options, SampleBooks.Now);
        return _model.Evaluate(in book, _risks, _grid).MaintenanceRequirement;
    }
}
