using Nethereum.JsonRpc.Client;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MarginBridge.Chains.Rpc;

/// <summary>Which failures of an RPC call are worth another attempt on the same or another endpoint.</summary>
internal static class RpcFailure
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        TimeoutRejectedException or BrokenCircuitException or IsolatedCircuitException => true,
        HttpRequestException or TimeoutException or IOException => true,
        RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException => true,
        AllRpcEndpointsDownException => true,
        _ => false,
    };
}
