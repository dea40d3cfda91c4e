namespace MarginBridge.Chains.Finality;

/// <summary>The identity of one block: number, hash, parent hash and chain timestamp (Unix seconds).</summary>
public sealed record BlockRef(long Number, string Hash, string ParentHash, long Timestamp);
