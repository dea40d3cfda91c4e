namespace MarginBridge.Margin.Parameters;

public sealed record CollateralParameters
{
    /// <summary>Per token symbol: the part of its value not counted, in basis points. A token not listed is not collateral.</summary>
    public IReadOnlyDictionary<string, int> TokenHaircutBps { get; init; } =
        new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["USDC"] = 0,
            ["USDT"] = 100,
            ["WETH"] = 1_000,
            ["WBTC"] = 1_000,
        };

    /// <summary>How much of a soft-final deposit counts, per layer kind (DESIGN §1), after the token's haircut.</summary>
    public PendingCollateralParameters PendingCountedBps { get; init; } = new();
}

/// <summary>Basis points of a soft-final deposit's value that count toward margin, per layer kind.</summary>
public sealed record PendingCollateralParameters
{
    /// <summary>Included in an L1 block but short of the confirmations: a deep reorg is rare.</summary>
    public int L1 { get; init; } = 9_000;

    /// <summary>Sequencer-included on an optimistic rollup: a fraud proof can still undo it for the whole challenge window.</summary>
    public int Optimistic { get; init; } = 5_000;

    /// <summary>Sequencer-included on a zk rollup: only the proof is outstanding.</summary>
    public int ZkRollup { get; init; } = 8_000;

    /// <summary>A BFT app-chain is final in its block; nothing is pending there.</summary>
    public int AppChain { get; init; } = 10_000;

    public int For(LayerKind kind) => kind switch
    {
        LayerKind.L1 => L1,
        LayerKind.Optimistic => Optimistic,
        LayerKind.ZkRollup => ZkRollup,
        LayerKind.AppChain => AppChain,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layer kind"),
    };
}
