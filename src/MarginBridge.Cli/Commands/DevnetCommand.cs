using System.ComponentModel;
using System.Runtime.InteropServices;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Moves;
using MarginBridge.Cli.Views;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using MarginBridge.Silo.Api;
using Spectre.Console;
using Spectre.Console.Cli;
using DevnetRunner = MarginBridge.Devnet.Devnet;

namespace MarginBridge.Cli.Commands;

/// <summary><c>mb devnet</c>: the whole system on this machine, a demo of deposits and a move, then wait for Ctrl-C.</summary>
public sealed class DevnetCommand : AsyncCommand<DevnetCommand.Settings>
{
    // Kept referenced for the life of the command, or the handlers could be collected.
    private static PosixSignalRegistration[] SignalRegistrations = [];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--silos <N>")]
        [Description("Silos in the cluster (1 to 5).")]
        [DefaultValue(1)]
        public int Silos { get; init; } = 1;

        [CommandOption("--data <DIR>")]
        [Description("Data folder (Azurite, logs, devnet.json). Emptied at start. Default: .devnet in the repository.")]
        public string? Data { get; init; }

        [CommandOption("--profile <NAME>")]
        [Description("Profile in orleans-config/.")]
        [DefaultValue("devnet")]
        public string Profile { get; init; } = "devnet";

        [CommandOption("--no-demo")]
        [Description("Skip the demo deposits.")]
        public bool NoDemo { get; init; }

        public override ValidationResult Validate() => Silos is < 1 or > 5
            ? ValidationResult.Error($"--silos: {Silos} is outside 1..5")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var profilePath = RepositoryLayout.ProfilePath(settings.Profile);
        if (!File.Exists(profilePath))
        {
            throw new CliUsageException($"--profile: {profilePath} does not exist");
        }

        var dataDirectory = Path.GetFullPath(settings.Data ?? ApiLocation.DefaultDataDirectory);
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]MarginBridge devnet[/]: data folder [blue]{dataDirectory}[/]");
        using var stop = StopSignal(cancellationToken);
        var options = new DevnetOptions { DataDirectory = dataDirectory, Profile = DevnetProfile.Load(profilePath), SiloCount = settings.Silos };
        await using var devnet = await AnsiConsole.Status().StartAsync("Starting", async status =>
        {
            var progress = new Progress<string>(step =>
            {
                status.Status(Markup.Escape(step));
                AnsiConsole.MarkupLineInterpolated($"[grey]•[/] {step}");
            });
            return await DevnetRunner.StartAsync(options, progress, stop.Token);
        });

        AnsiConsole.MarkupLineInterpolated($"Machine-readable description: [blue]{devnet.ManifestPath}[/]");
        using var api = new BridgeApiClient(new Uri(devnet.Silos[0].HttpUrl));
        if (!settings.NoDemo)
        {
            await RunDemoAsync(devnet, options.Profile, api, stop.Token);
        }

        AnsiConsole.Write(ChainTable.Render(await api.GetChainsAsync(stop.Token)));
        foreach (var silo in devnet.Silos)
        {
            AnsiConsole.MarkupLineInterpolated($"API [blue]{silo.HttpUrl}[/]   OpenAPI [blue]{silo.HttpUrl}/openapi/v1.json[/]   dashboard [blue]{silo.HttpUrl}/dashboard[/]");
        }

        var walk = WalkPricesAsync(devnet, stop.Token);
        AnsiConsole.MarkupLine("Running. Try [bold]mb chains[/], [bold]mb account <address>[/] or [bold]mb devnet shock ETH -30%[/] in another terminal. [bold]Ctrl-C[/] stops everything.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("Stopping silos, chains and Azurite…");
        }

        await walk;
        return 0;
    }

    /// <summary>Every 5 s each feed moves by a random step of at most ±0.2 % from its latest answer (so a shock stays in the walk).</summary>
    private static async Task WalkPricesAsync(DevnetRunner devnet, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                foreach (var feed in devnet.PriceFeeds)
                {
                    try
                    {
                        var step = 1m + (((decimal)Random.Shared.NextDouble() - 0.5m) * 0.004m);
                        await feed.SubmitAsync(decimal.Round(await feed.LatestAsync() * step, 8, MidpointRounding.ToZero));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A shock sent from another process at the same moment takes the feeder's nonce: skip this step.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task RunDemoAsync(DevnetRunner devnet, DevnetProfile profile, BridgeApiClient api, CancellationToken cancellationToken)
    {
        var maker = devnet.MarketMaker;
        var decimals = profile.Devnet.Collateral.Decimals;
        var deposits = profile.Devnet.DemoDeposits.Select(d => (Chain: devnet.Chain(d.Key), Amount: TokenAmount.Parse(d.Value, decimals))).ToList();
        await AnsiConsole.Status().StartAsync("Demo: the market maker deposits on three chains", async _ =>
        {
            await Task.WhenAll(deposits.Select(d =>
                new CollateralClient(d.Chain.Node, maker, d.Chain.Contracts.Token, d.Chain.Contracts.Vault).MintAndDepositAsync(d.Amount)));
            for (var attempt = 0; attempt < 120; attempt++)
            {
                var account = await api.GetAccountAsync(maker.Address, false, cancellationToken);
                if (account.Deposits >= deposits.Count)
                {
                    break;
                }

                await Task.Delay(250, cancellationToken);
            }
        });
        foreach (var (chain, amount) in deposits)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]•[/] deposited {TokenAmount.Format(amount.ToString(), decimals)} {profile.Devnet.Collateral.Asset} on {chain.Options.Name} ({chain.Options.Kind})");
        }

        AnsiConsole.Write(AccountTable.Render(await api.GetAccountAsync(maker.Address, false, cancellationToken), grid: false));
        AnsiConsole.MarkupLineInterpolated($"[grey]Pending deposits turn final as each chain reaches finality: watch with[/] mb account {maker.Address}");
        await RunDemoMoveAsync(devnet, profile, api, cancellationToken);
        await RunDemoTradesAsync(devnet, api, cancellationToken);
    }

    /// <summary>The market maker goes long ETH perpetuals on the optimistic venue and sells a strangle on the zk venue: one account, one margin across chains.</summary>
    private static async Task RunDemoTradesAsync(DevnetRunner devnet, BridgeApiClient api, CancellationToken cancellationToken)
    {
        var maker = devnet.MarketMaker;
        var (optimistic, zk) = (devnet.Chain("optimistic"), devnet.Chain("zk"));
        var expiry = DateTimeOffset.UtcNow.AddDays(30);
        var account = await AnsiConsole.Status().StartAsync("Demo: trades on two venues, margined as one account", async _ =>
        {
            await new VenueClient(optimistic.Node, maker, optimistic.Contracts.Venue).TradePerpetualAsync("ETH-PERP", 5m, 3_000m);
            var strangle = new VenueClient(zk.Node, maker, zk.Contracts.Venue);
            await strangle.TradeOptionAsync("ETH-C-3200", Abstractions.Accounts.Instrument.Call, -10m, 60m, 3_200m, expiry);
            await strangle.TradeOptionAsync("ETH-P-2800", Abstractions.Accounts.Instrument.Put, -10m, 55m, 2_800m, expiry);
            AccountResponse? view = null;
            for (var attempt = 0; attempt < 120 && view?.Positions.Count != 3; attempt++)
            {
                await Task.Delay(250, cancellationToken);
                view = await api.GetAccountAsync(maker.Address, false, cancellationToken);
            }

            return view!;
        });
        AnsiConsole.MarkupLine("[grey]•[/] 5 ETH-PERP long on the optimistic venue; a short strangle (10 calls at 3,200, 10 puts at 2,800, 30 days) on the zk venue");
        AnsiConsole.Write(AccountTable.Render(account, grid: false));
        AnsiConsole.MarkupLineInterpolated($"[grey]Watch the margin move with the prices (and[/] mb devnet shock ETH -10%[grey]):[/] mb account {maker.Address} --grid");
    }

    /// <summary>The market maker signs a move from the app-chain to the hub; the bridge starts it and carries it through the pipeline.</summary>
    private static async Task RunDemoMoveAsync(DevnetRunner devnet, DevnetProfile profile, BridgeApiClient api, CancellationToken cancellationToken)
    {
        var (source, destination) = (devnet.Chain("appchain"), devnet.Chain("hub"));
        var amount = TokenAmount.Parse("1500", profile.Devnet.Collateral.Decimals);
        var key = new Nethereum.Signer.EthECKey(devnet.MarketMaker.PrivateKey);
        var body = MoveRequests.Sign(
            key, source.Options.ChainId, source.Contracts.Vault, destination.Options.ChainId, source.Contracts.Token, amount, devnet.MarketMaker.Address,
            (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
        var move = await api.PostMoveAsync(body, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[grey]•[/] signed move of 1,500 {profile.Devnet.Collateral.Asset} from {source.Options.Name} to {destination.Options.Name}: transfer {move.Id}");
        var transfer = await AnsiConsole.Status().StartAsync("Demo: batching, committee attestation, root and execution on the hub", async _ =>
        {
            TransferResponse? view = null;
            for (var attempt = 0; attempt < 240 && view?.Stage != TransferStage.Executed; attempt++)
            {
                await Task.Delay(250, cancellationToken);
                view = await api.FindTransferAsync(move.Id!, cancellationToken);
            }

            return view;
        });
        if (transfer is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]The relayer has not seen transfer {move.Id} yet; follow it with[/] mb transfer {move.Id}");
            return;
        }

        AnsiConsole.Write(TransferTable.Render(transfer));
    }

    /// <summary>Cancelled by Ctrl-C (SIGINT) or SIGTERM, so every child process is stopped on the way out.</summary>
    private static CancellationTokenSource StopSignal(CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        SignalRegistrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        }))];
        return stop;
    }
}
