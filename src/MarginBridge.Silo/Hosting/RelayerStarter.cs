using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Hosting;

/// <summary>
/// Makes sure every configured chain has a running relayer once the silo is up. The relayer's
/// reminder keeps it alive from then on; calling Start from every silo is harmless.
/// </summary>
public sealed partial class RelayerStarter(IGrainFactory grains, IOptions<MarginBridgeOptions> options, ILogger<RelayerStarter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var chain in options.Value.Chains)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await grains.GetGrain<IChainRelayerGrain>(chain.ChainId).Start();
                    LogStarted(chain.Name, chain.ChainId);
                    break;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogStartFailed(chain.Name, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Relayer for chain {Chain} ({ChainId}) started")]
    private partial void LogStarted(string chain, long chainId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Starting the relayer for chain {Chain} failed, retrying: {Error}")]
    private partial void LogStartFailed(string chain, string error);
}
