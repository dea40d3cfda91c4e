using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Journal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

public static class ChainEndpoints
{
    public static IEndpointRouteBuilder MapChainEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chains", GetChains)
            .WithName("GetChains")
            .WithSummary("Every configured chain: kind, head, scanned and hard-final height, finality lag, last reorg, RPC endpoints.")
            .WithTags("Chains");
        app.MapGet("/chains/{chainId}", GetChain)
            .WithName("GetChain")
            .WithSummary("One chain's relayer status.")
            .WithTags("Chains");
        app.MapGet("/chains/{chainId}/journal", GetJournal)
            .WithName("GetChainJournal")
            .WithSummary("The audit journal rows of a chain: operator actions on it, with who did them.")
            .WithTags("Chains");
        app.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Healthy when the silo answers and every chain's relayer polls successfully; Degraded otherwise.")
            .WithTags("Health");
        return app;
    }

    internal static Task<ChainStatus[]> AllStatuses(IGrainFactory grains, MarginBridgeOptions options) =>
        Task.WhenAll(options.Chains.Select(c => grains.GetGrain<IChainRelayerGrain>(c.ChainId).GetStatus()));

    private static async Task<Ok<ChainStatus[]>> GetChains(IGrainFactory grains, IOptions<MarginBridgeOptions> options) =>
        TypedResults.Ok(await AllStatuses(grains, options.Value));

    private static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ValidationProblem>> GetJournal(string chainId, IOptions<MarginBridgeOptions> options, AuditJournal journal, CancellationToken cancellationToken) =>
        ApiProblems.TryChain(chainId, options.Value, "chainId", out var chain, out var problem)
            ? TypedResults.Ok(await journal.ReadAsync(AuditJournal.ChainSubject(chain!.ChainId), cancellationToken))
            : problem!;

    private static async Task<Results<Ok<ChainStatus>, ValidationProblem>> GetChain(string chainId, IGrainFactory grains, IOptions<MarginBridgeOptions> options)
    {
        if (!ApiProblems.TryChain(chainId, options.Value, "chainId", out var chain, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await grains.GetGrain<IChainRelayerGrain>(chain!.ChainId).GetStatus());
    }

    private static async Task<Ok<HealthResponse>> GetHealth(IGrainFactory grains, IOptions<MarginBridgeOptions> options)
    {
        var chains = await AllStatuses(grains, options.Value);
        var unhealthy = chains.Where(c => !c.Healthy).Select(c => new UnhealthyChain(c.ChainId, c.Name, c.LastError)).ToList();
        return TypedResults.Ok(new HealthResponse(unhealthy.Count == 0 ? "Healthy" : "Degraded", unhealthy));
    }
}

public sealed record HealthResponse(string Status, IReadOnlyList<UnhealthyChain> UnhealthyChains);

public sealed record UnhealthyChain(long ChainId, string Name, string? Error);
