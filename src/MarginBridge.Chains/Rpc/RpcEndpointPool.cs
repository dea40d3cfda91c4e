using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Logging;
using Nethereum.Web3;
using Polly;
using Polly.Retry;

namespace MarginBridge.Chains.Rpc;

/// <summary>
/// The RPC endpoints of one chain. A call goes to the preferred endpoint; when it fails or times
/// out, it is retried with jittered back-off on the next endpoint whose circuit is not open, and
/// that endpoint becomes the preferred one.
/// </summary>
public sealed partial class RpcEndpointPool
{
    private readonly string _chain;
    private readonly RpcEndpoint[] _endpoints;
    private readonly ResiliencePipeline _retry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private int _preferred;

    public RpcEndpointPool(ChainOptions chain, RelayerOptions options, TimeProvider time, ILogger logger)
    {
        _chain = chain.Name;
        _logger = logger;
        _time = time;
        var timeout = TimeSpan.FromMilliseconds(options.RpcTimeoutMilliseconds);
        var breakDuration = TimeSpan.FromSeconds(options.EndpointBreakSeconds);
        _endpoints = [.. chain.RpcUrls.Select(url => new RpcEndpoint(new Uri(url), timeout, breakDuration, time))];
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(2, _endpoints.Length * 2),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(1),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(RpcFailure.IsTransient),
            })
            .Build();
    }

    public IReadOnlyList<EndpointStatus> Health =>
        [.. _endpoints.Select((e, i) => new EndpointStatus(e.DisplayName, e.State, i == Volatile.Read(ref _preferred), e.LastError, e.LastFailureAt))];

    public async Task<T> ExecuteAsync<T>(Func<IWeb3, Task<T>> call, CancellationToken cancellationToken)
    {
        return await _retry.ExecuteAsync(
            async token =>
            {
                var index = PickAvailable();
                var endpoint = _endpoints[index];
                try
                {
                    return await endpoint.Pipeline.ExecuteAsync(async t => await call(endpoint.Web3).WaitAsync(t), token);
                }
                catch (Exception e) when (RpcFailure.IsTransient(e))
                {
                    endpoint.RecordFailure(e, _time.GetUtcNow());
                    LogEndpointFailed(_chain, endpoint.DisplayName, e.GetType().Name, e.Message);
                    Interlocked.CompareExchange(ref _preferred, (index + 1) % _endpoints.Length, index);
                    throw;
                }
            },
            cancellationToken);
    }

    /// <summary>Asks every endpoint once (its timeout, no retry, no failover): each one's answer or its error.</summary>
    public async Task<IReadOnlyList<EndpointAnswer<T>>> AskEachAsync<T>(Func<IWeb3, Task<T>> call, CancellationToken cancellationToken) =>
        await Task.WhenAll(_endpoints.Select(async endpoint =>
        {
            try
            {
                return new EndpointAnswer<T>(endpoint.DisplayName, await endpoint.Pipeline.ExecuteAsync(async t => await call(endpoint.Web3).WaitAsync(t), cancellationToken), null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new EndpointAnswer<T>(endpoint.DisplayName, default, $"{e.GetType().Name}: {e.Message}");
            }
        }));

    private int PickAvailable()
    {
        var start = Volatile.Read(ref _preferred);
        for (var i = 0; i < _endpoints.Length; i++)
        {
            var index = (start + i) % _endpoints.Length;
            if (_endpoints[index].IsAvailable)
            {
                return index;
            }
        }

        throw new AllRpcEndpointsDownException(_chain);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "RPC call on chain {Chain} failed at {Endpoint}: {ErrorType} {Error}")]
    private partial void LogEndpointFailed(string chain, string endpoint, string errorType, string error);
}

/// <summary>One endpoint's answer, or the error it gave instead.</summary>
public sealed record EndpointAnswer<T>(string Endpoint, T? Value, string? Error);
