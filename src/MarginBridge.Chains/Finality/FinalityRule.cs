using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.Chains.Finality;

/// <summary>
/// When a block is hard-final, by layer kind. Time-based rules use chain time (the head's
/// timestamp), never the relayer's clock, so they hold for a chain that is behind or ahead.
/// </summary>
public static class FinalityRule
{
    public static bool IsHardFinal(LayerKind kind, FinalityOptions finality, long blockNumber, long blockTimestamp, BlockRef head) =>
        blockNumber <= head.Number && kind switch
        {
            LayerKind.L1 => head.Number - blockNumber + 1 >= finality.Confirmations,
            LayerKind.Optimistic => head.Timestamp - blockTimestamp >= finality.ChallengeWindowSeconds,
            LayerKind.ZkRollup => head.Timestamp - blockTimestamp >= finality.ProofDelaySeconds,
            LayerKind.AppChain => true,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layer kind"),
        };

}
