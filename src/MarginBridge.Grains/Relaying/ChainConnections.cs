using System.Collections.Concurrent;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Rpc;
using MarginBridge.Chains.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;

namespace MarginBridge.Grains.Relaying;

/// <summary>
/// One RPC endpoint pool per configured chain for the whole silo, so an endpoint's circuit state
/// outlives the activations of the grains that use it.
/// </summary>
public sealed class ChainConnections(IOptions<MarginBridgeOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<long, ChainReader> _readers = new();
    private readonly ConcurrentDictionary<long, SentMessageVerifier> _verifiers = new();

    public ChainOptions GetChain(long chainId) =>
        options.Value.FindChain(chainId) ?? throw new InvalidOperationException($"chain {chainId} is not configured");

    public ChainReader GetReader(long chainId) => _readers.GetOrAdd(chainId, id =>
        new ChainReader(new RpcEndpointPool(GetChain(id), options.Value.Relayer, time, loggers.CreateLogger<RpcEndpointPool>())));

    /// <summary>
    /// The members' check of a source outbox, run by the silo through all of the chain's endpoints
    /// before it batches: one answering endpoint suffices (a dead one must not stop the route),
    /// but none may contradict it.
    /// </summary>
    public SentMessageVerifier GetOutboxVerifier(long chainId) => _verifiers.GetOrAdd(chainId, id =>
    {
        var chain = GetChain(id);
        return new SentMessageVerifier(
            [.. chain.RpcUrls.Select(url => new Web3(new RpcClient(new Uri(url))))],
            chain.Vault,
            agreeing: 1,
            TimeSpan.FromMilliseconds(options.Value.Relayer.RpcTimeoutMilliseconds));
    });
}
