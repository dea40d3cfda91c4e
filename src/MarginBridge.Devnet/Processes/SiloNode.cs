using System.Net.Http.Json;

namespace MarginBridge.Devnet.Processes;

/// <summary>One Orleans silo process (MarginBridge.Silo) with its REST API, dashboard and relayers.</summary>
public sealed class SiloNode : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SiloNode(ChildProcess process, int siloPort, string httpUrl)
    {
        _process = process;
        SiloPort = siloPort;
        HttpUrl = httpUrl;
    }

    public int SiloPort { get; }

    public string HttpUrl { get; }

    public ChildProcess Process => _process;

    /// <summary>Where the silo's entry assembly is: next to the program that references the silo project.</summary>
    public static string DefaultAssemblyPath => Path.Combine(AppContext.BaseDirectory, "MarginBridge.Silo.dll");

    public static async Task<SiloNode> StartAsync(SiloLaunch launch, CancellationToken cancellationToken)
    {
        var siloPort = FreePort.Next();
        var httpUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var logDirectory = Path.Combine(launch.DataDirectory, "logs");
        var environment = new Dictionary<string, string>
        {
            ["Silo__SiloPort"] = siloPort.ToString(),
            ["Silo__GatewayPort"] = FreePort.Next().ToString(),
            ["Silo__HttpUrl"] = httpUrl,
            ["Silo__LogDirectory"] = logDirectory,
            ["Silo__StorageConnectionString"] = launch.StorageConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        var process = ChildProcess.Start(
            $"silo-{siloPort}",
            "dotnet",
            [launch.AssemblyPath, "--config", launch.ConfigPath],
            Path.Combine(logDirectory, $"silo-{siloPort}.console.log"),
            environment);
        var node = new SiloNode(process, siloPort, httpUrl);
        try
        {
            await node.WaitHealthyAsync(TimeSpan.FromSeconds(90), cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public void Kill() => _process.Kill();

    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(20));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(HttpUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"silo exited with code {_process.ExitCode}:{Environment.NewLine}{_process.ReadLog()}");
            }

            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<object>(cancellationToken) is not null)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"silo {HttpUrl} was not healthy within {timeout.TotalSeconds:0} s; log: {_process.LogPath}");
    }
}

/// <param name="AssemblyPath">MarginBridge.Silo.dll.</param>
/// <param name="ConfigPath">The JSON configuration the devnet wrote.</param>
/// <param name="StorageConnectionString">Passed through the environment, never written into the config file.</param>
public sealed record SiloLaunch(string AssemblyPath, string ConfigPath, string StorageConnectionString, string DataDirectory);
