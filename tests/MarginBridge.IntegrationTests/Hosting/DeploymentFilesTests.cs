using System.Diagnostics;
using MarginBridge.Chains.Configuration;
using MarginBridge.Devnet.Processes;
using MarginBridge.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace MarginBridge.IntegrationTests.Hosting;

/// <summary>The committed configuration profiles and the compose file are valid as they stand.</summary>
public sealed class DeploymentFilesTests
{
    [Theory]
    [InlineData("cluster")]
    [InlineData("production.template")]
    public void Profile_PassesTheSilosValidation_ButForTheSecretItMustNotContain(string profile)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepositoryLayout.ProfilePath(profile)).Build();
        var silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()!;
        var bridge = configuration.GetSection(MarginBridgeOptions.Section).Get<MarginBridgeOptions>()!;

        Assert.Empty(MarginBridgeOptionsValidator.Validate(bridge));
        Assert.Empty(MarginBridgeOptionsValidator.ValidateBreakersAndPrices(bridge));
        Assert.Equal(["Silo:StorageConnectionString: is required (set it through the environment: Silo__StorageConnectionString)"], silo.Validate());
    }

    [Fact]
    public void SignerProfile_PassesTheMembersValidation_ButForTheKeyItMustNotContain()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepositoryLayout.ProfilePath("signer")).Build();
        var signer = configuration.GetSection("Signer").Get<Cli.Signer.SignerOptions>()!;
        var bridge = configuration.GetSection(MarginBridgeOptions.Section).Get<MarginBridgeOptions>()!;

        Assert.Equal(["Signer:KeyFile: is required (or set MB_SIGNER_KEY)"], signer.Validate(bridge));
    }

    [Fact]
    public async Task ComposeFile_IsValidForDockerCompose()
    {
        var info = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepositoryLayout.RepositoryRoot, "docker", "compose.yaml"), "config", "-q"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker-compose config: {errors}");
    }
}
