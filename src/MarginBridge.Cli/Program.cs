using MarginBridge.Cli;
using MarginBridge.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("mb");
    config.SetExceptionHandler((exception, _) =>
    {
        var message = exception switch
        {
            CommandAppException or CliUsageException or MarginBridge.Cli.Api.ApiProblemException => exception.Message,
            HttpRequestException http => $"cannot reach the API: {http.Message}",
            _ => exception.ToString(),
        };
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
        return exception is CommandAppException or CliUsageException ? 2 : 1;
    });
    config.AddBranch("devnet", devnet =>
    {
        devnet.SetDescription("Start the local devnet (Azurite, four anvil chains, contracts, price feeds, silos, API, dashboard), run the demo, and keep it running until Ctrl-C.");
        devnet.SetDefaultCommand<DevnetCommand>();
        devnet.AddCommand<DevnetShockCommand>("shock")
            .WithDescription("Move an asset's price on the running devnet's feed at once (a crash or a spike).")
            .WithExample("devnet", "shock", "ETH", "-30%");
    });
    config.AddCommand<AccountCommand>("account")
        .WithDescription("Show an account's collateral per chain and token, pending and final.")
        .WithExample("account", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    config.AddCommand<TransfersCommand>("transfers")
        .WithDescription("List an account's transfers, newest first, with the stage and last step of each.");
    config.AddCommand<TransferCommand>("transfer")
        .WithDescription("Show a transfer's stage and every step, with time, block and the reason in words.");
    config.AddCommand<MoveCommand>("move")
        .WithDescription("Move collateral between chains: signs an EIP-712 move request with your key (MB_PRIVATE_KEY or --key-file) and hands it to the bridge.")
        .WithExample("move", "--from", "optimistic", "--to", "appchain", "--token", "USDC", "--amount", "1500");
    config.AddCommand<ExecuteCommand>("execute")
        .WithDescription("Finish a transfer without the relayer: submit its Merkle proof to the destination vault from your own key.");
    config.AddCommand<WithdrawCommand>("withdraw")
        .WithDescription("Withdraw collateral from a vault with a committee-signed margin clearance.")
        .WithExample("withdraw", "--chain", "appchain", "--token", "USDC", "--amount", "4000");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Benchmarks on a fresh devnet; each prints a markdown table for docs/benchmarks.md.");
        bench.AddCommand<DepositBenchCommand>("deposits")
            .WithDescription("Measure deposit ingestion and deposit-to-credit latency.");
        bench.AddCommand<WithdrawalBenchCommand>("withdrawals")
            .WithDescription("Measure the time from a withdrawal request to a clearance the vault accepts, and to the payout.");
        bench.AddCommand<TransferBenchCommand>("transfers")
            .WithDescription("Measure transfer latency against the finality floor, batch sizes and gas per transfer at several rates, with real block times.");
    });
    config.AddBranch("margin", margin =>
    {
        margin.SetDescription("The portfolio-margin method of the silo.");
        margin.AddCommand<MarginSimulateCommand>("simulate")
            .WithDescription("Evaluate a what-if book (collateral, perpetuals, options, prices, vols) with the configured parameters; changes nothing.")
            .WithExample("margin", "simulate", "book.json", "--grid");
    });
    config.AddCommand<SignerCommand>("signer")
        .WithDescription("Run one relayer-committee member: it attests batch roots only after verifying them on the source chain itself.");
    config.AddCommand<BreakersCommand>("breakers")
        .WithDescription("Show every circuit breaker: state, why and since when, who tripped it, last change.");
    config.AddCommand<PricesCommand>("prices")
        .WithDescription("Show every asset's oracle price from its on-chain feed, and whether it is stale or jumped.");
    config.AddCommand<ChainsCommand>("chains")
        .WithDescription("Show every chain's relayer: head, hard-final height, lag, last reorg, RPC endpoints.");
});
return await app.RunAsync(args);
