using System.Diagnostics;

namespace MarginBridge.Devnet.Processes;

/// <summary>Where the repository's pinned npm tools live, installed on first use with <c>npm ci</c>.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string RepositoryRoot => Root.Value;

    public static string ToolsDirectory => Path.Combine(RepositoryRoot, "tools");

    public static string AnvilPath => Path.Combine(ToolsDirectory, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public static string AzuriteTableScript => Path.Combine(ToolsDirectory, "node_modules", "azurite", "dist", "src", "table", "main.js");

    public static string ProfilePath(string profile) => Path.Combine(RepositoryRoot, "orleans-config", $"{profile}.json");

    /// <summary>Runs <c>npm ci</c> in <c>tools/</c> when anvil or Azurite is missing.</summary>
    public static async Task EnsureToolsAsync(CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(AnvilPath) && File.Exists(AzuriteTableScript))
            {
                return;
            }

            var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = ToolsDirectory })
                ?? throw new InvalidOperationException("could not start npm");
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0 || !File.Exists(AnvilPath))
            {
                throw new InvalidOperationException($"'npm ci' in {ToolsDirectory} failed with exit code {npm.ExitCode}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MARGINBRIDGE_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarginBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the MarginBridge repository (MarginBridge.sln) above " + AppContext.BaseDirectory + "; set MARGINBRIDGE_ROOT");
    }
}
