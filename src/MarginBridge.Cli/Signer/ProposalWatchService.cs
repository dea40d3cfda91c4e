using MarginBridge.Chains.Committee;
using Microsoft.Extensions.Hosting;

namespace MarginBridge.Cli.Signer;

/// <summary>Runs the member's <see cref="ProposalWatcher"/> once a second for as long as <c>mb signer</c> runs.</summary>
public sealed class ProposalWatchService(ProposalWatcher watcher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            await watcher.PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
