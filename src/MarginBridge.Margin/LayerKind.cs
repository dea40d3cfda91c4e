namespace MarginBridge.Margin;

/// <summary>
/// The kind of layer collateral sits on; it decides how much of a deposit that is only soft-final
/// counts. The members are numbered as <c>MarginBridge.Abstractions.Chains.LayerKind</c>, so a cast
/// converts between them; this library references no other project.
/// </summary>
public enum LayerKind
{
    L1 = 0,
    Optimistic = 1,
    ZkRollup = 2,
    AppChain = 3,
}
