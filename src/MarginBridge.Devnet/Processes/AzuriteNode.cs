namespace MarginBridge.Devnet.Processes;

/// <summary>Azurite's table service on loopback, persisting into a folder so that it can be restarted.</summary>
public sealed class AzuriteNode : IAsyncDisposable
{
    // Azurite's documented, public development account: not a secret.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _directory;
    private ChildProcess _process;

    private AzuriteNode(ChildProcess process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteNode> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(dataDirectory, "azurite");
        var port = FreePort.Next();
        return new AzuriteNode(await LaunchAsync(directory, port, cancellationToken), port, directory);
    }

    /// <summary>
    /// Stops Azurite (SIGINT, on which alone its table service saves its tables; SIGTERM ends it
    /// like a kill) and starts it again on the same port and data folder after <paramref name="down"/>.
    /// A SIGKILL is no fair test of our code: Azurite keeps tables in memory and saves them only
    /// now and then, so a kill loses acknowledged writes and even whole tables, which durable
    /// table storage never does.
    /// </summary>
    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        await _process.StopAsync(TimeSpan.FromSeconds(10), interrupt: true);
        await _process.DisposeAsync();
        await Task.Delay(down, cancellationToken);
        _process = await LaunchAsync(_directory, Port, cancellationToken);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<ChildProcess> LaunchAsync(string directory, int port, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var process = ChildProcess.Start(
            "azurite",
            "node",
            [RepositoryLayout.AzuriteTableScript, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(), "--location", directory, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry"],
            Path.Combine(directory, "..", "logs", "azurite.log"));
        try
        {
            await FreePort.WaitUntilListeningAsync(port, () => process.HasExited, TimeSpan.FromSeconds(60), cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
