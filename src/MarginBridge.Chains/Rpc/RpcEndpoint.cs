using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MarginBridge.Chains.Rpc;

/// <summary>One RPC endpoint with its own timeout and circuit breaker.</summary>
internal sealed class RpcEndpoint
{
    private readonly CircuitBreakerStateProvider _breakerState = new();
    private readonly TimeProvider _time;
    private long _probeFromTicks;

    public RpcEndpoint(Uri url, TimeSpan timeout, TimeSpan breakDuration, TimeProvider time)
    {
        _time = time;
        DisplayName = Redact(url);
        // The HttpClient timeout is a backstop; the pipeline's timeout is the one that normally fires.
        var http = new HttpClient { Timeout = timeout + TimeSpan.FromSeconds(1) };
        Web3 = new Web3(new RpcClient(url, http));
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = breakDuration,
                StateProvider = _breakerState,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(RpcFailure.IsTransient),
                OnOpened = opened =>
                {
                    Interlocked.Exchange(ref _probeFromTicks, (time.GetUtcNow() + opened.BreakDuration).UtcTicks);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = timeout })
            .Build();
    }

    /// <summary>Scheme, host and port only: a path or query may hold a provider's API key.</summary>
    public string DisplayName { get; }

    public IWeb3 Web3 { get; }

    public ResiliencePipeline Pipeline { get; }

    /// <summary>
    /// Closed, half-open, or open past its break: the breaker moves an open circuit to half-open only
    /// when a call goes through it, so an open one whose break is over must be offered the next call
    /// (its probe), or a chain whose endpoints all broke would never be tried again.
    /// </summary>
    public bool IsAvailable => _breakerState.CircuitState switch
    {
        CircuitState.Closed or CircuitState.HalfOpen => true,
        CircuitState.Open => _time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _probeFromTicks),
        _ => false,
    };

    public string State => _breakerState.CircuitState.ToString();

    public string? LastError { get; private set; }

    public DateTimeOffset? LastFailureAt { get; private set; }

    public void RecordFailure(Exception exception, DateTimeOffset at)
    {
        LastError = $"{exception.GetType().Name}: {exception.Message}";
        LastFailureAt = at;
    }

    private static string Redact(Uri url) => $"{url.Scheme}://{url.Host}:{url.Port}";
}
