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

    /// <summary>Executed liquidations whose fee the account could not pay on the venue's chain, and how much is unpaid (that chain's USDC base units): swept from other chains, oldest first.</summary>
    [Id(3)]
    public List<(LiquidationRef Liquidation, BigInteger Unpaid)> UnpaidFees { get; set; } = [];

    /// <summary>The fee sweep under way; persisted before it is attested, like <see cref="Pending"/>.</summary>
    [Id(4)]
    public LiquidationOrder? Sweep { get; set; }
}
