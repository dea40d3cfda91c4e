using MarginBridge.Abstractions.Breakers;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Breakers;
using MarginBridge.Grains.Journal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

/// <summary>Every circuit breaker with its state, reason and history; operators trip and reset them by hand.</summary>
public static class BreakerEndpoints
{
    public static IEndpointRouteBuilder MapBreakerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/breakers", ListAsync)
            .WithName("GetBreakers")
            .WithTags("Breakers")
            .WithSummary("Every breaker (global, per chain, per route, per asset): Closed, Open or HalfOpen, why and since when, the triggers active now, who tripped it by hand, and its latest transitions.");
        app.MapGet("/breakers/{scope}/journal", JournalAsync)
            .WithName("GetBreakerJournal")
            .WithTags("Breakers");
        var operators = app.MapGroup("/operator/breakers").AddEndpointFilter<OperatorAuthentication>().WithTags("Operator");
        operators.MapPost("/{scope}/trip", (string scope, BreakerActionBody body, HttpContext context, IGrainFactory grains, IOptions<MarginBridgeOptions> options) =>
                ActAsync(scope, body, options.Value, (breaker, reason) => breaker.Trip(OperatorAuthentication.OperatorOf(context), reason), grains))
            .WithName("TripBreaker")
            .WithSummary("Open a breaker by hand; it stays open until an operator resets it.");
        operators.MapPost("/{scope}/reset", (string scope, BreakerActionBody body, HttpContext context, IGrainFactory grains, IOptions<MarginBridgeOptions> options) =>
                ActAsync(scope, body, options.Value, (breaker, reason) => breaker.Reset(OperatorAuthentication.OperatorOf(context), reason), grains))
            .WithName("ResetBreaker")
            .WithSummary("Close a breaker by hand; a trigger still active opens it again on its next report.");
        return app;
    }

    /// <summary>Every scope the configuration gives a breaker.</summary>
    public static IReadOnlyList<string> Scopes(MarginBridgeOptions options) =>
    [
        BreakerScope.Global,
        BreakerScope.Outflows,
        .. options.Chains.Select(c => BreakerScope.Chain(c.ChainId)),
        .. options.Chains.SelectMany(s => options.Chains.Where(d => d.ChainId != s.ChainId).Select(d => BreakerScope.Route(s.ChainId, d.ChainId))),
        .. options.Chains.SelectMany(c => c.Tokens).Select(t => t.Asset).Concat(options.PriceFeeds.Select(f => f.Asset)).Distinct().Order(StringComparer.Ordinal).Select(BreakerScope.Asset),
    ];

    private static async Task<BreakerStatus[]> ListAsync(IGrainFactory grains, IOptions<MarginBridgeOptions> options) =>
        await Task.WhenAll(Scopes(options.Value).Select(s => grains.GetGrain<ICircuitBreakerGrain>(s).GetStatus()));

    private static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ValidationProblem>> JournalAsync(string scope, AuditJournal journal, IOptions<MarginBridgeOptions> options) =>
        !Scopes(options.Value).Contains(scope)
            ? UnknownScope(scope)
            : TypedResults.Ok(await journal.ReadAsync(CircuitBreakerGrain.JournalSubject(scope)));

    private static async Task<Results<Ok<BreakerStatus>, ValidationProblem>> ActAsync(
        string scope, BreakerActionBody body, MarginBridgeOptions options, Func<ICircuitBreakerGrain, string, Task<BreakerStatus>> act, IGrainFactory grains)
    {
        if (!Scopes(options).Contains(scope))
        {
            return UnknownScope(scope);
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return ApiProblems.Invalid("reason", "say why, in words: it goes into the audit journal with your name");
        }

        return TypedResults.Ok(await act(grains.GetGrain<ICircuitBreakerGrain>(scope), body.Reason.Trim()));
    }

    private static ValidationProblem UnknownScope(string scope) =>
        ApiProblems.Invalid("scope", $"'{scope}' is not a breaker: global, chain-<id>, route-<src>-<dst> or asset-<symbol> of the configuration (see GET /breakers)");
}

/// <summary>An operator's action on a breaker: the reason, for the journal.</summary>
public sealed record BreakerActionBody(string? Reason);
