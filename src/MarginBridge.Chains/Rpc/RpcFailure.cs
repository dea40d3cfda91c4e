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
        RpcResponseException response => !IsDefinitive(response),
        RpcClientUnknownException or RpcClientTimeoutException => true,

        // An empty or malformed answer (a connection dropped after the headers): the endpoint is at fault, not the call.
        NullReferenceException or Newtonsoft.Json.JsonException => true,
        AllRpcEndpointsDownException => true,
        _ => false,
    };

    /// <summary>The node judged the call itself (a revert, a nonce or fee refusal): any endpoint would answer the same.</summary>
    public static bool IsDefinitive(RpcResponseException exception)
    {
        var error = exception.RpcError;
        if (error is null)
        {
            return false;
        }

        var message = error.Message ?? string.Empty;
        return error.Code == 3
            || DefinitiveMessages.Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] DefinitiveMessages = ["revert", "nonce too low", "nonce too high", "already known", "underpriced", "insufficient funds", "gas too low", "exceeds block gas limit"];
}
