using System.ComponentModel;
using System.Diagnostics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Bench;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using Nethereum.Signer;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb bench withdrawals</c>: on a fresh devnet, a market maker with collateral on the app-chain
/// and a perpetual and two options on venues of two other chains asks for withdrawals one after
/// another; measures request → clearance (the silo's check plus every member reading the account
/// from the chains and recomputing its margin) and clearance → paid by the vault. Prints a markdown table.
/// </summary>
public sealed class WithdrawalBenchCommand : AsyncCommand<WithdrawalBenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--samples <N>")]
        [Description("Withdrawals timed, one after another.")]
        [DefaultValue(30)]
        public int Samples { get; init; } = 30;

        public override ValidationResult Validate() =>
            Samples < 1 ? ValidationResult.Error("--samples: must be at least 1") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var profile = DevnetProfile.Load(RepositoryLayout.ProfilePath("devnet"));
        await using var bench = await BenchDevnet.StartAsync(profile, useBlockTimes: false, cancellationToken);
        var devnet = bench.Devnet;
        using var api = new BridgeApiClient(new Uri(devnet.Silos[0].HttpUrl));
        var (appchain, optimistic, zk) = (devnet.Chain("appchain"), devnet.Chain("optimistic"), devnet.Chain("zk"));
        var maker = devnet.MarketMaker;

        AnsiConsole.MarkupLine("[grey]•[/] the market maker deposits 1,000,000 USDC on the app-chain and trades on the optimistic and zk venues");
        await new CollateralClient(appchain.Node, maker, appchain.Contracts.Token, appchain.Contracts.Vault).MintAndDepositAsync(1_000_000_000_000);
        await UntilAsync(api, maker.Address, a => a.Balances.Any(b => b.ChainId == appchain.Options.ChainId && b.Final != "0"), cancellationToken);
        await new VenueClient(optimistic.Node, maker, optimistic.Contracts.Venue).TradePerpetualAsync("ETH-PERP", 50m, 3_000m);
        var venue = new VenueClient(zk.Node, maker, zk.Contracts.Venue);
        await venue.TradeOptionAsync("ETH-C-3200", Instrument.Call, -40m, 120m, 3_200m, DateTimeOffset.UtcNow.AddDays(30));
        await venue.TradeOptionAsync("ETH-P-2800", Instrument.Put, -40m, 110m, 2_800m, DateTimeOffset.UtcNow.AddDays(30));
        await UntilAsync(api, maker.Address, a => a.Positions.Count == 3 && a.Flag?.Status == Abstractions.Margin.MarginStatus.Healthy, cancellationToken);

        var key = new EthECKey(maker.PrivateKey);
        var (toClearance, toPaid) = (new List<double>(), new List<double>());
        for (var i = 0; i < settings.Samples; i++)
        {
            var request = WithdrawalRequestBody.Sign(
                key, appchain.Options.ChainId, appchain.Contracts.Vault, appchain.Contracts.Token, 1_000_000_000, (ulong)(i + 1), (ulong)DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds());
            var clock = Stopwatch.StartNew();
            var cleared = await api.PostWithdrawalAsync(request, cancellationToken);
            toClearance.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await WithdrawalPayout.SendAsync(appchain.Node.Web3For(maker), cleared);
            toPaid.Add(clock.Elapsed.TotalMilliseconds);
        }

        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine("| step | p50 | p95 | max |");
        AnsiConsole.WriteLine("|---|---:|---:|---:|");
        AnsiConsole.WriteLine($"| request → clearance (silo + {devnet.Signers.Count} members, {settings.Samples} samples) | {Percentiles.Of(toClearance, 50):0} ms | {Percentiles.Of(toClearance, 95):0} ms | {toClearance.Max():0} ms |");
        AnsiConsole.WriteLine($"| clearance → paid (withdraw mined on {appchain.Options.Name}, one block per transaction) | {Percentiles.Of(toPaid, 50):0} ms | {Percentiles.Of(toPaid, 95):0} ms | {toPaid.Max():0} ms |");
        return 0;
    }

    private static async Task UntilAsync(BridgeApiClient api, string account, Func<Silo.Api.AccountResponse, bool> condition, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (condition(await api.GetAccountAsync(account, false, cancellationToken)))
            {
                return;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new CliUsageException($"account {account} did not reach the state the benchmark needs within a minute");
    }
}
