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
        var siloPort = launch.SiloPort ?? FreePort.Next();
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
            await HttpReadiness.WaitAsync(process, $"{httpUrl}/health", TimeSpan.FromSeconds(90), cancellationToken);
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
}

/// <param name="AssemblyPath">MarginBridge.Silo.dll.</param>
/// <param name="ConfigPath">The JSON configuration the devnet wrote.</param>
/// <param name="StorageConnectionString">Passed through the environment, never written into the config file.</param>
/// <param name="SiloPort">The silo-to-silo port; a silo restarted on the port of one that died replaces it in the membership table at once.</param>
public sealed record SiloLaunch(string AssemblyPath, string ConfigPath, string StorageConnectionString, string DataDirectory, int? SiloPort = null);
