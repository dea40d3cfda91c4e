using MarginBridge.Margin.Liquidation;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Liquidation;

public sealed class DeleveragingTests
{
    private static readonly DeleverageCandidate[] Candidates =
    [
        new(1, -Qty(3), Px(90_000), Usd(100_000)), // at a loss: last
        new(2, Qty(5), Px(80_000), Usd(10_000)), // same side as the liquidated long: not eligible
        new(3, -Qty(1), Px(120_000), Usd(50_000)), // +16.7 % at 2× leverage
        new(4, -Qty(2), Px(110_000), Usd(10_000)), // +9.1 % at 20× leverage: first
    ];

    [Fact]
    public void Rank_OrdersOppositePositionsByProfitTimesLeverage()
    {
        var order = Rank(Candidates, out var count);

        Assert.Equal(3, count);
        Assert.Equal([3, 2, 0], order[..count]);
    }

    [Fact]
    public void Rank_BreaksTiesByTheLargerPositionThenTheLowerAccount()
    {
        DeleverageCandidate[] tied =
        [
            new(9, -Qty(1), Px(100_000), Usd(1_000)),
            new(5, -Qty(1), Px(100_000), Usd(1_000)),
            new(7, -Qty(2), Px(100_000), Usd(2_000)),
        ];

        var order = Rank(tied, out var count);

        Assert.Equal([2, 1, 0], order[..count]);
    }

    [Theory]
    [InlineData(2.5, new[] { 2.0, 0.5, 0 }, 0)]
    [InlineData(10, new[] { 2.0, 1, 3 }, 4)]
    public void Allocate_FillsTheRankedPositionsInTurn(double quantity, double[] fills, double left)
    {
        var order = Rank(Candidates, out var count);
        var filled = new long[count];

        var remaining = Deleveraging.Allocate(Candidates, order.AsSpan(0, count), Qty((decimal)quantity), filled);

        Assert.Equal(fills.Select(f => Qty((decimal)f)), filled);
        Assert.Equal(Qty((decimal)left), remaining);
    }

    private static int[] Rank(DeleverageCandidate[] candidates, out int count)
    {
        var order = new int[candidates.Length];
        count = Deleveraging.Rank(candidates, Qty(1), Px(100_000), new double[candidates.Length], order);
        return order;
    }
}
