namespace MarginBridge.Grains.Liquidations;

[GenerateSerializer]
public sealed class LiquidationSequenceState
{
    [Id(0)]
    public ulong Last { get; set; }
}
