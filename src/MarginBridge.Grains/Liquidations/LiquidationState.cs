using System.Numerics;
using MarginBridge.Abstractions.Liquidations;

namespace MarginBridge.Grains.Liquidations;

[GenerateSerializer]
public sealed class LiquidationState
{
    /// <summary>The instruction under way; persisted before it is attested, so a crash resumes it with the same nonce.</summary>
    [Id(0)]
    public LiquidationOrder? Pending { get; set; }

    [Id(1)]
    public List<LiquidationOrder> Done { get; set; } = [];

    /// <summary>After an execution: the position (chain:venue:market) and the size the account must show before the next instruction is planned.</summary>
    [Id(2)]
    public (string Position, BigInteger Size, DateTimeOffset Since)? AwaitReport { get; set; }
}
