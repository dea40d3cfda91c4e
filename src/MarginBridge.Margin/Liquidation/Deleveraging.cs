namespace MarginBridge.Margin.Liquidation;

/// <summary>
/// Auto-deleveraging when a chain's insurance fund cannot cover a deficit: the liquidated position is
/// closed at its bankruptcy price against opposite positions, the most profitable and most leveraged
/// first. dYdX v4 picks the opposite accounts in pseudo-random order (x/clob/keeper/deleveraging.go);
/// we rank them as the centralized venues do, so that those who gained most from the move give back first.
/// </summary>
public static class Deleveraging
{
    /// <summary>
    /// The ranking score at <paramref name="price"/>: P&amp;L ratio × leverage when in profit,
    /// P&amp;L ratio ÷ leverage at a loss, with P&amp;L ratio = P&amp;L ÷ entry notional and
    /// leverage = notional ÷ equity (equity below one quote unit counts as one). A ranking, not money.
    /// </summary>
    public static double Score(in DeleverageCandidate candidate, long price)
    {
        var quantity = (double)candidate.Quantity;
        var entryNotional = Math.Abs(quantity) * candidate.EntryPrice;
        if (entryNotional == 0)
        {
            return 0;
        }

        var pnlRatio = quantity * (price - (double)candidate.EntryPrice) / entryNotional;
        var notional = Math.Abs(quantity) * price / Scales.NotionalDivisor;
        var leverage = notional / Math.Max((double)candidate.Equity, 1);
        return pnlRatio >= 0 ? pnlRatio * leverage : pnlRatio / leverage;
    }

    /// <summary>
    /// Orders the candidates that hold the side opposite to <paramref name="liquidatedQuantity"/>, best
    /// score first, ties by the larger position then the lower account. Writes their indices to
    /// <paramref name="order"/> (scratch: <paramref name="scores"/>, both at least as long as the
    /// candidates) and returns how many there are.
    /// </summary>
    public static int Rank(ReadOnlySpan<DeleverageCandidate> candidates, long liquidatedQuantity, long price, Span<double> scores, Span<int> order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, candidates.Length, nameof(scores));
        ArgumentOutOfRangeException.ThrowIfLessThan(order.Length, candidates.Length, nameof(order));
        var count = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].Quantity != 0 && Math.Sign(candidates[i].Quantity) == -Math.Sign(liquidatedQuantity))
            {
                scores[count] = -Score(candidates[i], price);
                order[count] = i;
                count++;
            }
        }

        scores[..count].Sort(order[..count]);
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && scores[end] == scores[start])
            {
                end++;
            }

            BreakTies(candidates, order[start..end]);
            start = end;
        }

        return count;
    }

    /// <summary>
    /// Offsets <paramref name="quantityToOffset"/> (a magnitude) against the ranked candidates in turn:
    /// <paramref name="fills"/>[k] is the magnitude closed on <c>candidates[order[k]]</c>. Returns what
    /// could not be offset.
    /// </summary>
    public static long Allocate(ReadOnlySpan<DeleverageCandidate> candidates, ReadOnlySpan<int> order, long quantityToOffset, Span<long> fills)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantityToOffset);
        ArgumentOutOfRangeException.ThrowIfLessThan(fills.Length, order.Length, nameof(fills));
        var left = quantityToOffset;
        for (var k = 0; k < order.Length; k++)
        {
            var fill = Math.Min(left, Math.Abs(candidates[order[k]].Quantity));
            fills[k] = fill;
            left -= fill;
        }

        return left;
    }

    private static void BreakTies(ReadOnlySpan<DeleverageCandidate> candidates, Span<int> run)
    {
        for (var i = 1; i < run.Length; i++)
        {
            var current = run[i];
            var j = i - 1;
            while (j >= 0 && Before(candidates[current], candidates[run[j]]))
            {
                run[j + 1] = run[j];
                j--;
            }

            run[j + 1] = current;
        }
    }

    private static bool Before(in DeleverageCandidate a, in DeleverageCandidate b)
    {
        var sizeA = Math.Abs(a.Quantity);
        var sizeB = Math.Abs(b.Quantity);
        return sizeA != sizeB ? sizeA > sizeB : a.Account < b.Account;
    }
}
