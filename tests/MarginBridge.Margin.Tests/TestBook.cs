using MarginBridge.Margin.Book;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Margin.Tests;

/// <summary>A mutable book for tests, in the library's units, with helpers that read as USD and whole units.</summary>
internal sealed class TestBook
{
    public const long Now = 1_767_225_600; // 2026-01-01T00:00:00Z
    public const int Eth = 0;
    public const int Btc = 1;
    public const int Sol = 2;

    public static readonly MarginModel DefaultModel = new(new MarginParameters());

    public List<UnderlyingMarket> Markets { get; } =
    [
        new(Px(3_000), 0, 0, 0),
        new(Px(100_000), 0, 0, 0),
        new(Px(150), 0, 1, 0),
    ];

    public List<CollateralHolding> Collateral { get; } = [];

    public List<PerpPosition> Perps { get; } = [];

    public List<OptionPosition> Options { get; } = [];

    public UnderlyingRisk[] Risks { get; private set; } = [];

    public Int128[] Grid { get; private set; } = [];

    /// <summary>USD to quote units.</summary>
    public static Int128 Usd(decimal usd) => (Int128)(usd * Scales.Quote);

    /// <summary>USD to price units.</summary>
    public static long Px(decimal usd) => (long)(usd * Scales.Price);

    /// <summary>Whole units to quantity units.</summary>
    public static long Qty(decimal units) => (long)(units * Scales.Quantity);

    public static long Days(double days) => Now + (long)(days * Scales.SecondsPerDay);

    public TestBook Usdc(decimal usd, LayerKind layer = LayerKind.L1, bool final = true)
    {
        Collateral.Add(new CollateralHolding((UInt128)(usd * 1_000_000), Px(1), 6, 0, layer, final));
        return this;
    }

    public TestBook Perp(int underlying, int venue, decimal quantity, decimal entry)
    {
        Perps.Add(new PerpPosition(underlying, venue, Qty(quantity), Px(entry)));
        return this;
    }

    public TestBook Option(int underlying, OptionKind kind, decimal quantity, decimal strike, double days, double vol, int venue = 0)
    {
        Options.Add(new OptionPosition(underlying, venue, kind, Qty(quantity), Px(strike), Days(days), vol));
        return this;
    }

    public TestBook Clone()
    {
        var clone = new TestBook();
        clone.Markets.Clear();
        clone.Markets.AddRange(Markets);
        clone.Collateral.AddRange(Collateral);
        clone.Perps.AddRange(Perps);
        clone.Options.AddRange(Options);
        return clone;
    }

    public AccountMargin Evaluate(MarginModel? model = null)
    {
        model ??= DefaultModel;
        Risks = new UnderlyingRisk[Markets.Count];
        Grid = new Int128[Markets.Count * model.ScenarioCount];
        var book = new AccountBook([.. Markets], [.. Collateral], [.. Perps], [.. Options], Now);
        return model.Evaluate(in book, Risks, Grid);
    }
}
