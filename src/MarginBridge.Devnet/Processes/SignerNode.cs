namespace MarginBridge.Devnet.Processes;

/// <summary>One committee member process (<c>mb signer</c>).</summary>
public sealed class SignerNode : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SignerNode(ChildProcess process, string configPath, string httpUrl, string logPath)
    {
        _process = process;
        ConfigPath = configPath;
        HttpUrl = httpUrl;
        LogPath = logPath;
    }

    public string ConfigPath { get; }

    public string HttpUrl { get; }

    public string LogPath { get; }

    public ChildProcess Process => _process;

    /// <summary>The <c>mb</c> entry assembly: next to the program that references the CLI project.</summary>
    public static string DefaultAssemblyPath => Path.Combine(AppContext.BaseDirectory, "mb.dll");

    public static async Task<SignerNode> StartAsync(string configPath, string httpUrl, string logPath, CancellationToken cancellationToken)
    {
        var process = ChildProcess.Start($"signer-{Path.GetFileNameWithoutExtension(configPath)}", "dotnet", [DefaultAssemblyPath, "signer", "--config", configPath], logPath);
        try
        {
            await HttpReadiness.WaitAsync(process, $"{httpUrl}/health", TimeSpan.FromSeconds(60), cancellationToken);
            return new SignerNode(process, configPath, httpUrl, logPath);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
