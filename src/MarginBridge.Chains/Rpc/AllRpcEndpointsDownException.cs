namespace MarginBridge.Chains.Rpc;

/// <summary>Every endpoint of a chain's pool has its circuit open.</summary>
public sealed class AllRpcEndpointsDownException(string chain) : Exception($"every RPC endpoint of chain '{chain}' is failing");
