using System.Net;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP proxy on loopback in front of an RPC endpoint, whose behaviour a test switches:
/// forward, answer 500, or hang without answering.
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

    public ProxyMode Mode { get; set; } = ProxyMode.Forward;

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
            switch (Mode)
            {
                case ProxyMode.Fail:
                    context.Response.StatusCode = 500;
                    break;
                case ProxyMode.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
                    context.Response.StatusCode = 504;
                    break;
                default:
                    using (var body = new StreamContent(context.Request.InputStream))
                    {
                        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                        using var answer = await _upstream.PostAsync(_target, body, _stop.Token);
                        context.Response.StatusCode = (int)answer.StatusCode;
                        context.Response.ContentType = "application/json";
                        await answer.Content.CopyToAsync(context.Response.OutputStream, _stop.Token);
                    }

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
}

public enum ProxyMode
{
    Forward,
    Fail,
    Hang,
}
