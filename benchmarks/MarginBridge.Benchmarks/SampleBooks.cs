using MarginBridge.Margin;
using MarginBridge.Margin.Book;

namespace MarginBridge.Benchmarks;

/// <summary>The books the benchmarks evaluate: two underlyings, three collateral balances (one pending).</summary>
public static class SampleBooks
{
    public const long Now = 1_767_225_600;

    public static UnderlyingMarket[] Markets() =>
    [
        new(3_000 * Scales.Price, 0, 0, 0),
        new(100_000 * Scales.Price, 0, 0, 0),
    ];

    public static CollateralHolding[] Collateral() =>
    [
        new(2_000_000UL * 1_000_000, Scales.Price, 6, 0, LayerKind.L1, true),
        new((UInt128)25 * 1_000_000_000_000_000_000, 3_000 * Scales.Price, 18, 1_000, LayerKind.Optimistic, false),
        new(500_000UL * 1_000_000, Scales.Price, 6, 0, LayerKind.ZkRollup, true),
    ];

    /// <summary>
    /// <paramref name="count"/> positions alternating between ETH and BTC; with options, every fifth is a
    /// perpetual and the others are calls and puts at strikes from −20 % to +20 %, 1 to 90 days out.
    /// </summary>
    public static (PerpPosition[] Perps, OptionPosition[] Options) Positions(int count, bool withOptions)
    {
        var perps = new List<PerpPosition>();
        var options = new List<OptionPosition>();
        var markets = Markets();
        for (var i = 0; i < count; i++)
        {
            var underlying = i % 2;
            var price = markets[underlying].Price;
            var quantity = (underlying == 0 ? 10 : 1) * Scales.Quantity * (i % 3 == 0 ? -1 : 1);
            if (!withOptions || i % 5 == 4)
            {
                perps.Add(new PerpPosition(underlying, i % 4, quantity, price));
                continue;
            }

            var strike = price / 100 * (80 + (i * 7 % 41));
            var kind = i % 2 == 0 ? OptionKind.Call : OptionKind.Put;
            options.Add(new OptionPosition(underlying, i % 3, kind, quantity, strike, Now + ((1 + (i * 13 % 90)) * Scales.SecondsPerDay), 0.5 + (i % 7 * 0.05)));
        }

        return ([.. perps], [.. options]);
    }
}
