namespace MarginBridge.Grains.Liquidations;

/// <summary>
/// One message on a chain's instruction route (<c>LiquidationRoute</c>): the member endpoint and body
/// the committee decides on, its leaf (the one-message batch's root) and the vault call that executes it.
/// </summary>
internal sealed record CommitteeInstruction(string Path, object Body, byte[] Leaf, string Execute);
