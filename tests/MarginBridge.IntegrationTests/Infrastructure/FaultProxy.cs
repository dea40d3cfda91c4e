using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP proxy on loopback in front of an RPC endpoint, whose behaviour a test switches:
/// forward, answer 500, hang, delay, drop the connection, a seeded mix of those, or lie: forward
/// and let <see cref="Lie"/> rewrite the JSON-RPC result (a made-up log, a wrong block hash).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _target;
    private readonly Task _loop;

    public FaultProxy(string targetUrl, int port)
    {
        _target = new Uri(targetUrl);
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; }

    /// <summary>
    /// A proxy on a free loopback port. A port free when it was picked can still be refused when the
    /// proxy binds it ("Address already in use", seen twice in runs started right after another run),
    /// so a refused port gives way to the next one.
    /// </summary>
    public static FaultProxy OnFreePort(string targetUrl)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FaultProxy(targetUrl, Devnet.Processes.FreePort.Next());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    public ProxyMode Mode { get; set; } = ProxyMode.Forward;

    /// <summary>In <see cref="ProxyMode.Lie"/>: given the method and the true result, the result to answer.</summary>
    public Func<string, JsonNode, JsonNode>? Lie { get; set; }

    private readonly Random _chaos = new(20261202);

    /// <summary>Requests that reached the proxy, whatever it did with them.</summary>
    public int Requests => _requests;

    private int _requests;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            switch (Mode == ProxyMode.Chaos ? PickChaos() : Mode)
            {
                case ProxyMode.Fail:
                    context.Response.StatusCode = 500;
                    break;
                case ProxyMode.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
                    context.Response.StatusCode = 504;
                    break;
                case ProxyMode.Drop:
                    context.Response.Abort();
                    return;
                case ProxyMode.Delay:
                    await Task.Delay(TimeSpan.FromMilliseconds(400), _stop.Token);
                    await ForwardAsync(context, lie: null);
                    break;
                case ProxyMode.Lie:
                    await ForwardAsync(context, Lie);
                    break;
                default:
                    await ForwardAsync(context, lie: null);
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or HttpListenerException or IOException)
        {
            context.Response.StatusCode = 502;
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }
    private ProxyMode PickChaos()
    {
        lock (_chaos)
        {
            return _chaos.Next(10) switch
            {
                0 => ProxyMode.Fail,
                1 => ProxyMode.Drop,
                2 or 3 => ProxyMode.Delay,
                _ => ProxyMode.Forward,
            };
        }
    }

    private async Task ForwardAsync(HttpListenerContext context, Func<string, JsonNode, JsonNode>? lie)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = await reader.ReadToEndAsync(_stop.Token);
        using var body = new StringContent(request, Encoding.UTF8, "application/json");
        using var answer = await _upstream.PostAsync(_target, body, _stop.Token);
        var response = await answer.Content.ReadAsStringAsync(_stop.Token);
        if (lie is not null && JsonNode.Parse(request) is JsonObject call && JsonNode.Parse(response) is JsonObject reply && reply["result"] is { } result)
        {
            reply["result"] = lie(call["method"]!.GetValue<string>(), result.DeepClone());
            response = reply.ToJsonString();
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(response);
        await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
    }
}

public enum ProxyMode
{
    Forward,

    /// <summary>Answers 500.</summary>
    Fail,

    /// <summary>Answers nothing for 30 s.</summary>
    Hang,

    /// <summary>Forwards after 400 ms.</summary>
    Delay,

    /// <summary>Closes the connection without an answer.</summary>
    Drop,

    /// <summary>Per request, seeded: forward, delay, drop or 500.</summary>
    Chaos,

    /// <summary>Forwards and rewrites the result with <see cref="FaultProxy.Lie"/>.</summary>
    Lie,
}
