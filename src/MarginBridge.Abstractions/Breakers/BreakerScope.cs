namespace MarginBridge.Abstractions.Breakers;

/// <summary>
/// What a circuit breaker covers (DESIGN §4), as its grain key: <c>global</c>, <c>chain-31001</c>,
/// <c>route-31004-31001</c>, <c>asset-ETH</c> or <c>outflows</c>.
/// </summary>
public static class BreakerScope
{
    public const string Global = "global";

    /// <summary>Halts new withdrawals and moves (not transfers already locked at their source) while accounts are being liquidated.</summary>
    public const string Outflows = "outflows";

    public static string Chain(long chainId) => $"chain-{chainId}";

    public static string Route(long srcChainId, long dstChainId) => $"route-{srcChainId}-{dstChainId}";

    public static string Asset(string asset) => $"asset-{asset}";

    /// <summary>Every breaker a withdrawal of <paramref name="asset"/> from <paramref name="chainId"/>'s vault must find closed.</summary>
    public static IReadOnlyList<string> ForWithdrawal(long chainId, string asset) => [Global, Outflows, Chain(chainId), Asset(asset)];

    /// <summary>Every breaker a move from <paramref name="srcChainId"/> to <paramref name="dstChainId"/> in <paramref name="asset"/> must find closed.</summary>
    public static IReadOnlyList<string> ForMove(long srcChainId, long dstChainId, string? asset) =>
        [Global, Chain(srcChainId), Chain(dstChainId), Route(srcChainId, dstChainId), .. asset is null ? Array.Empty<string>() : [Asset(asset)]];
}
