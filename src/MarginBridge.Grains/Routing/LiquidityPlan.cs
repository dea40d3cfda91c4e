using System.Numerics;
using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Routing;

/// <summary>
/// Which transfers of a batch the destination can pay now: the longest prefix, in leaf order, that
/// its free liquidity per token covers. A transfer behind one that does not fit waits too (first
/// come, first served), and none is ever half-paid.
/// </summary>
public static class LiquidityPlan
{
    /// <param name="pending">Leaf index and transfer, ascending by leaf index.</param>
    /// <param name="liquidity">Free liquidity per destination token (normalized address).</param>
    public static LiquidityDecision Plan(IReadOnlyList<(int Leaf, TransferMessage Transfer)> pending, IReadOnlyDictionary<string, BigInteger> liquidity)
    {
        var left = new Dictionary<string, BigInteger>(liquidity, StringComparer.Ordinal);
        var payable = new List<int>();
        foreach (var (leaf, transfer) in pending)
        {
            var available = left.GetValueOrDefault(transfer.DestinationToken);
            if (transfer.Amount > available)
            {
                return new LiquidityDecision(payable, $"destination liquidity of token {transfer.DestinationToken} is short by {transfer.Amount - available} base units for transfer {transfer.Id} ({transfer.Amount}); it waits for liquidity, first come, first served");
            }

            left[transfer.DestinationToken] = available - transfer.Amount;
            payable.Add(leaf);
        }

        return new LiquidityDecision(payable, null);
    }
}

/// <param name="Payable">Leaf indices to execute now, ascending.</param>
/// <param name="Shortfall">Why the rest waits; null when everything is payable.</param>
public sealed record LiquidityDecision(IReadOnlyList<int> Payable, string? Shortfall);
