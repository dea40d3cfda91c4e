using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.CommandLine;

/// <summary>The real `mb` process against the devnet's API: readable output, clear errors, non-zero exit codes.</summary>
[Collection(DevnetCollection.Name)]
public sealed class CliTests(DevnetFixture devnet)
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var log = Path.Combine(Path.GetTempPath(), $"mb-cli-{Guid.NewGuid():N}.log");
        await using var mb = ChildProcess.Start("mb", "dotnet", [SignerNode.DefaultAssemblyPath, .. arguments], log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await mb.WaitForExitAsync(timeout.Token);
        var output = mb.ReadLog();
        File.Delete(log);
        return (mb.ExitCode, output);
    }

    [Fact]
    public async Task AccountAndChains_PrintTheApisView()
    {
        var account = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.AppChain, account, 2_500_000);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 1, "the deposit is credited");

        var (code, output) = await RunAsync("account", account.Address, "--api", devnet.Api.Http.BaseAddress!.ToString());
        Assert.Equal(0, code);
        Assert.Contains("appchain", output, StringComparison.Ordinal);
        Assert.Contains("2.5", output, StringComparison.Ordinal);

        (code, output) = await RunAsync("chains", "--api", devnet.Api.Http.BaseAddress!.ToString());
        Assert.Equal(0, code);
        Assert.Contains("31001", output, StringComparison.Ordinal);
        Assert.Contains("L1", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account", "0x12", "address")]
    [InlineData("transfers", "nope", "address")]
    [InlineData("transfer", "0x12", "id")]
    public async Task MalformedArgument_IsNamed_AndExitsNonZero(string command, string argument, string named)
    {
        var (code, output) = await RunAsync(command, argument, "--api", devnet.Api.Http.BaseAddress!.ToString());
        Assert.NotEqual(0, code);
        Assert.Contains($"{named}: '{argument}'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableApi_IsSaid_AndExitsNonZero()
    {
        var (code, output) = await RunAsync("chains", "--api", $"http://127.0.0.1:{FreePort.Next()}");
        Assert.NotEqual(0, code);
        Assert.Contains("cannot reach the API", output, StringComparison.Ordinal);
    }
}
