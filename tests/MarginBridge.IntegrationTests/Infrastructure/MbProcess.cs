using MarginBridge.Devnet.Processes;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>mb</c> program as a child process and returns its exit code and output.</summary>
public static class MbProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var log = Path.Combine(Path.GetTempPath(), $"mb-cli-{Guid.NewGuid():N}.log");
        await using var mb = ChildProcess.Start("mb", "dotnet", [SignerNode.DefaultAssemblyPath, .. arguments], log, environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await mb.WaitForExitAsync(timeout.Token);
        var output = mb.ReadLog();
        File.Delete(log);
        return (mb.ExitCode, output);
    }
}
