using MarginBridge.Devnet;
using Spectre.Console;
using DevnetRunner = MarginBridge.Devnet.Devnet;

namespace MarginBridge.Cli.Bench;

/// <summary>A fresh devnet of the committed profile for one benchmark, in a temporary folder removed afterwards.</summary>
public sealed class BenchDevnet : IAsyncDisposable
{
    private BenchDevnet(DevnetRunner devnet, DevnetProfile profile)
    {
        Devnet = devnet;
        Profile = profile;
    }

    public DevnetRunner Devnet { get; }

    public DevnetProfile Profile { get; }

    /// <param name="useBlockTimes">The profile's block times (true) or one block per transaction.</param>
    public static async Task<BenchDevnet> StartAsync(DevnetProfile profile, bool useBlockTimes, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "marginbridge-bench", Guid.NewGuid().ToString("N"));
        var devnet = await DevnetRunner.StartAsync(
            new DevnetOptions { DataDirectory = data, Profile = profile, UseBlockTimes = useBlockTimes },
            new Progress<string>(step => AnsiConsole.MarkupLineInterpolated($"[grey]•[/] {step}")),
            cancellationToken);
        return new BenchDevnet(devnet, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Devnet.DisposeAsync();
        Directory.Delete(Devnet.DataDirectory, recursive: true);
    }
}
