using System.Collections.Concurrent;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Relaying;

/// <summary>
/// One RPC endpoint pool per configured chain for the whole silo, so an endpoint's circuit state
/// outlives the activations of the grains that use it.
/// </summary>
public sealed class ChainConnections(IOptions<MarginBridgeOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<long, ChainReader> _readers = new();

    public ChainOptions GetChain(long chainId) =>
        options.Value.FindChain(chainId) ?? throw new InvalidOperationException($"chain {chainId} is not configured");

    public ChainReader GetReader(long chainId) => _readers.GetOrAdd(chainId, id =>
        new ChainReader(new RpcEndpointPool(GetChain(id), options.Value.Relayer, time, loggers.CreateLogger<RpcEndpointPool>())));
}
