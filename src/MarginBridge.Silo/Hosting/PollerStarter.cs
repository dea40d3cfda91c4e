using MarginBridge.Abstractions.Chains;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Hosting;

/// <summary>
/// Makes sure every configured chain has a running relayer and every price feed a running oracle
/// once the silo is up. Calling Start from every silo is harmless.
/// </summary>
public sealed partial class PollerStarter(IGrainFactory grains, IOptions<MarginBridgeOptions> options, ILogger<PollerStarter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var chain in options.Value.Chains)
        {
            await StartAsync($"the relayer of chain {chain.Name} ({chain.ChainId})", () => grains.GetGrain<IChainRelayerGrain>(chain.ChainId).Start(), stoppingToken);
        }

        foreach (var feed in options.Value.PriceFeeds)
        {
            await StartAsync($"the {feed.Asset} price oracle", () => grains.GetGrain<IPriceOracleGrain>(feed.Asset).Start(), stoppingToken);
        }
    }

    private async Task StartAsync(string what, Func<Task> start, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await start();
                LogStarted(what);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogStartFailed(what, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Started {What}")]
    private partial void LogStarted(string what);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Starting {What} failed, retrying: {Error}")]
    private partial void LogStartFailed(string what, string error);
}
