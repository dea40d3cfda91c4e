using MarginBridge.Margin.Book;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Portfolio;

/// <summary>Random books for property tests, reproducible from the seed.</summary>
internal static class RandomBooks
{
    public const int Seed = 20_260_101;
    public const int Count = 300;

    private static readonly (long Price, byte Decimals, int HaircutBps)[] Tokens =
    [
        (Px(1), 6, 0),
        (Px(1), 6, 100),
        (312_345_678_901, 18, 1_000),
        (9_876_543_210_987, 8, 1_000),
    ];

    public static IEnumerable<TestBook> Generate(int seed = Seed, int count = Count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Next(random);
        }
    }

    public static TestBook Next(Random random)
    {
        var book = new TestBook();
        book.Markets[Eth] = book.Markets[Eth] with { Price = random.NextInt64(Px(1_500), Px(5_000)) };
        book.Markets[Btc] = book.Markets[Btc] with { Price = random.NextInt64(Px(50_000), Px(150_000)) };
        book.Markets[Sol] = book.Markets[Sol] with { Price = random.NextInt64(Px(50), Px(300)), OpenInterest = random.NextInt64(0, Qty(1_000_000)) };
        for (var c = random.Next(1, 4); c > 0; c--)
        {
            book.Collateral.Add(RandomHolding(random));
        }

        for (var p = random.Next(0, 4); p > 0; p--)
        {
            var underlying = random.Next(0, 3);
            var price = book.Markets[underlying].Price;
            book.Perps.Add(new PerpPosition(underlying, p, RandomQuantity(random, underlying), price + random.NextInt64(-price / 10, price / 10)));
        }

        for (var o = random.Next(0, 5); o > 0; o--)
        {
            var underlying = random.Next(0, 2);
            var price = book.Markets[underlying].Price;
            book.Options.Add(new OptionPosition(
                underlying,
                random.Next(0, 3),
                random.Next(2) == 0 ? OptionKind.Call : OptionKind.Put,
                RandomQuantity(random, underlying),
                price / 100 * random.Next(70, 131),
                Days(random.Next(1, 180) + random.NextDouble()),
                0.2 + random.NextDouble()));
        }

        return book;
    }

    public static CollateralHolding RandomHolding(Random random)
    {
        var (price, decimals, haircut) = Tokens[random.Next(Tokens.Length)];
        var amount = (UInt128)random.NextInt64(1, long.MaxValue) * (ulong)random.Next(1, 1_000);
        return new CollateralHolding(amount % ((UInt128)1_000_000 * Pow10(decimals)), price, decimals, haircut, (LayerKind)random.Next(0, 4), random.Next(3) != 0);
    }

    private static long RandomQuantity(Random random, int underlying)
    {
        var magnitude = underlying == Btc ? random.NextInt64(Qty(0.01m), Qty(5)) : random.NextInt64(Qty(0.1m), Qty(100));
        return random.Next(2) == 0 ? magnitude : -magnitude;
    }

    private static UInt128 Pow10(int exponent)
    {
        UInt128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
