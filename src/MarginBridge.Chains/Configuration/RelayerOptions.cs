namespace MarginBridge.Chains.Configuration;

/// <summary>How the relayers poll their chains (<c>MarginBridge:Relayer</c>).</summary>
public sealed class RelayerOptions
{
    public int PollIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>The largest block range one <c>eth_getLogs</c> call asks for.</summary>
    public int MaxBlockRange { get; set; } = 500;

    /// <summary>Time one RPC attempt may take before it counts as failed.</summary>
    public int RpcTimeoutMilliseconds { get; set; } = 3_000;

    /// <summary>How long a failing endpoint is skipped before it is probed again.</summary>
    public int EndpointBreakSeconds { get; set; } = 5;
}
