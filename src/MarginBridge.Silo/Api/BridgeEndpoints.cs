using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

/// <summary>What an integrator needs to talk to the bridge's contracts, and how the routes are doing.</summary>
public static class BridgeEndpoints
{
    public static IEndpointRouteBuilder MapBridgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bridge", GetBridge)
            .WithName("GetBridge")
            .WithSummary("The bridge's public configuration: every chain's kind, vault and collateral tokens, and the committee's members and threshold.")
            .WithTags("Bridge");
        app.MapGet("/routes", GetRoutes)
            .WithName("GetRoutes")
            .WithSummary("Every ordered pair of chains: queued transfers, open batches with their stage and what they wait for.")
            .WithTags("Bridge");
        return app;
    }

    private static Ok<BridgeResponse> GetBridge(IOptions<MarginBridgeOptions> options)
    {
        var bridge = options.Value;
        return TypedResults.Ok(new BridgeResponse(
            [.. bridge.Chains.Select(c => new BridgeChain(c.Name, c.Kind.ToString(), c.ChainId, c.Vault, [.. c.Tokens.Select(t => new BridgeToken(t.Asset, t.Address, t.Decimals))]))],
            [.. bridge.Committee.Members.Select(m => m.Address)],
            bridge.Committee.Threshold));
    }

    private static async Task<Ok<RouteStatus[]>> GetRoutes(IGrainFactory grains, IOptions<MarginBridgeOptions> options)
    {
        var chains = options.Value.Chains;
        var routes = chains.SelectMany(src => chains.Where(dst => dst != src).Select(dst => RouteKey.Of(src.ChainId, dst.ChainId)));
        return TypedResults.Ok(await Task.WhenAll(routes.Select(key => grains.GetGrain<IRouteGrain>(key).GetStatus())));
    }
}

public sealed record BridgeResponse(IReadOnlyList<BridgeChain> Chains, IReadOnlyList<string> CommitteeMembers, int CommitteeThreshold);

public sealed record BridgeChain(string Name, string Kind, long ChainId, string Vault, IReadOnlyList<BridgeToken> Tokens);

public sealed record BridgeToken(string Asset, string Address, int Decimals);
