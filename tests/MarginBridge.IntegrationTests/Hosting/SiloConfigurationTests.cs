using System.Text.Json;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.IntegrationTests.Hosting;

/// <summary>The real silo process refuses a bad configuration at start and names the key and the rule.</summary>
public sealed class SiloConfigurationTests
{
    [Theory]
    [InlineData("RpcUrls", "MarginBridge:Chains:0:RpcUrls: at least one RPC URL is required")]
    [InlineData("Vault", "MarginBridge:Chains:0:Vault: must be a 0x-prefixed 20-byte hex address")]
    [InlineData("Confirmations", "MarginBridge:Chains:0:Finality:Confirmations: must be at least 1 for an L1 chain")]
    [InlineData("SpotSteps", "MarginBridge:Margin:Portfolio:SpotSteps: must be odd")]
    public async Task BadConfigValue_StopsTheSilo_WithAMessageNamingTheKey(string broken, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("marginbridge-config-").FullName;
        var profile = DevnetProfile.Load(RepositoryLayout.ProfilePath("devnet"));
        var chain = profile.MarginBridge.Chains[0];
        chain.RpcUrls = broken == "RpcUrls" ? [] : ["http://127.0.0.1:1"];
        chain.Vault = broken == "Vault" ? "0x12" : "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        chain.Finality.Confirmations = broken == "Confirmations" ? 0 : 3;
        profile.MarginBridge.Chains = [chain];
        var config = Path.Combine(directory, "bad.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { profile.Silo, profile.MarginBridge }, DevnetProfile.Json));

        await using var silo = ChildProcess.Start(
            "bad-silo",
            "dotnet",
            [SiloNode.DefaultAssemblyPath, "--config", config],
            Path.Combine(directory, "silo.log"),
            new Dictionary<string, string>
            {
                ["Silo__StorageConnectionString"] = "UseDevelopmentStorage=true",
                ["MarginBridge__Margin__Portfolio__SpotSteps"] = broken == "SpotSteps" ? "4" : "9",
            });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await silo.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains(expected, silo.ReadLog(), StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task MissingStorageConnectionString_StopsTheSilo_NamingTheEnvironmentVariable()
    {
        var directory = Directory.CreateTempSubdirectory("marginbridge-config-").FullName;
        await using var silo = ChildProcess.Start(
            "bad-silo", "dotnet", [SiloNode.DefaultAssemblyPath, "--config", RepositoryLayout.ProfilePath("devnet")], Path.Combine(directory, "silo.log"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await silo.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("Silo:StorageConnectionString: is required (set it through the environment: Silo__StorageConnectionString)", silo.ReadLog(), StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
