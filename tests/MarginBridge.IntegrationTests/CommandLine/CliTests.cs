using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.CommandLine;

/// <summary>The real `mb` process against the devnet's API: readable output, clear errors, non-zero exit codes.</summary>
[Collection(DevnetCollection.Name)]
public sealed class CliTests(DevnetFixture devnet)
{
    private static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => MbProcess.RunAsync(arguments);

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
    public async Task MbMove_SignsWithTheUsersKey_AndTheMoveIsExecutedOnTheDestination()
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Optimistic, trader, 2_000_000);
        var (code, output) = await MbProcess.RunAsync(
            ["move", "--from", "optimistic", "--to", "appchain", "--token", "USDC", "--amount", "1.5", "--api", devnet.Api.Http.BaseAddress!.ToString()],
            new Dictionary<string, string> { ["MB_PRIVATE_KEY"] = trader.PrivateKey });
        Assert.True(code == 0, output);
        var id = System.Text.RegularExpressions.Regex.Match(output, "transfer (0x[0-9a-f]{64})").Groups[1].Value;

        await Transfers.TransferTestSteps.MakeHardFinalAsync(devnet.Optimistic);
        var executed = await Transfers.TransferTestSteps.AwaitStageAsync(devnet.Api, id, Abstractions.Transfers.TransferStage.Executed);
        Assert.Equal("1500000", executed.Amount);
    }

    [Theory]
    [InlineData("--amount", "1.0000001", "--amount")]
    [InlineData("--to", "mars", "--to")]
    [InlineData("--token", "DOGE", "--token")]
    public async Task MbMove_WithABadOption_NamesIt_AndExitsNonZero(string option, string value, string named)
    {
        string[] arguments = ["move", "--from", "optimistic", "--to", "appchain", "--token", "USDC", "--amount", "1", "--api", devnet.Api.Http.BaseAddress!.ToString()];
        arguments[Array.IndexOf(arguments, option) + 1] = value;
        var (code, output) = await MbProcess.RunAsync(arguments, new Dictionary<string, string> { ["MB_PRIVATE_KEY"] = devnet.Devnet.MarketMaker.PrivateKey });
        Assert.NotEqual(0, code);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableApi_IsSaid_AndExitsNonZero()
    {
        var (code, output) = await RunAsync("chains", "--api", $"http://127.0.0.1:{FreePort.Next()}");
        Assert.NotEqual(0, code);
        Assert.Contains("cannot reach the API", output, StringComparison.Ordinal);
    }
}
