namespace MarginBridge.Abstractions.Margin;

/// <summary>How accounts spread over an asset's exposure shards: by a stable hash (FNV-1a) of the address.</summary>
public static class ExposureShards
{
    public static string Key(string asset, int shard) => $"{asset}/{shard}";

    public static (string Asset, int Shard) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], int.Parse(key.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static int ShardOf(string account, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in account)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
