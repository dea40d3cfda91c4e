namespace MarginBridge.Abstractions.Transfers;

/// <summary>The key of a route grain: <c>"{srcChainId}-{dstChainId}"</c>.</summary>
public static class RouteKey
{
    public static string Of(long srcChainId, long dstChainId) => $"{srcChainId}-{dstChainId}";

    public static (long Src, long Dst) Parse(string key)
    {
        var parts = key.Split('-');
        return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
