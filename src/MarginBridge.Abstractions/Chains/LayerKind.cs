namespace MarginBridge.Abstractions.Chains;

/// <summary>The kind of layer a chain is; it decides which finality rule the relayer applies.</summary>
public enum LayerKind
{
    /// <summary>A layer-1 hub: hard-final after N confirmations.</summary>
    L1,

    /// <summary>An optimistic rollup: hard-final once the challenge window has elapsed.</summary>
    Optimistic,

    /// <summary>A zk rollup: hard-final once the batch is proven (after the proof delay).</summary>
    ZkRollup,

    /// <summary>A BFT app-chain: final in the block that includes it.</summary>
    AppChain,
}
