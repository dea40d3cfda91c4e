using MarginBridge.Chains.Configuration;

namespace MarginBridge.Chains.Finality;

/// <summary>The highest block that is hard-final by a chain's rule, as one endpoint sees the chain.</summary>
public static class HardFinalSearch
{
    /// <summary>
    /// Binary search between <paramref name="known"/>, a block already known to be final, and the
    /// head. Blocks are read with <paramref name="getBlock"/> (null: the endpoint has no such block).
    /// </summary>
    public static async Task<long> FindAsync(ChainOptions chain, BlockRef head, long known, Func<long, Task<BlockRef?>> getBlock)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(getBlock);
        var (low, high) = (known, head.Number);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            var candidate = await getBlock(middle);
            (low, high) = candidate is not null && FinalityRule.IsHardFinal(chain.Kind, chain.Finality, candidate.Number, candidate.Timestamp, head) ? (middle, high) : (low, middle - 1);
        }

        return low;
    }
}
