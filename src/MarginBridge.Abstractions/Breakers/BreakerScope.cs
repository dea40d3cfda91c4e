namespace MarginBridge.Abstractions.Breakers;

/// <summary>
/// What a circuit breaker covers (DESIGN §4), as its grain key: <c>global</c>, <c>chain-31001</c>,
/// <c>route-31004-31001</c> or <c>asset-ETH</c>.
/// </summary>
public static class BreakerScope
{
    public const string Global = "global";

    public static string Chain(long chainId) => $"chain-{chainId}";

    public static string Route(long srcChainId, long dstChainId) => $"route-{srcChainId}-{dstChainId}";

    public static string Asset(string asset) => $"asset-{asset}";

    /// <summary>Every breaker a move from <paramref name="srcChainId"/> to <paramref name="dstChainId"/> in <paramref name="asset"/> must find closed.</summary>
    public static IReadOnlyList<string> ForMove(long srcChainId, long dstChainId, string? asset) =>
        [Global, Chain(srcChainId), Chain(dstChainId), Route(srcChainId, dstChainId), .. asset is null ? Array.Empty<string>() : [Asset(asset)]];
}
