namespace MarginBridge.Grains.Margin;

/// <summary>The accounts in one exposure shard (their books are rebuilt from the accounts on activation).</summary>
[GenerateSerializer]
public sealed class ExposureShardState
{
    [Id(0)]
    public HashSet<string> Accounts { get; set; } = new(StringComparer.Ordinal);
}
