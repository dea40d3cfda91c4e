using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

/// <summary>The oracle's view of every configured asset: price, round, age, and whether it is stale or jumped.</summary>
public static class PriceEndpoints
{
    public static IEndpointRouteBuilder MapPriceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/prices", ListAsync)
            .WithName("GetPrices")
            .WithTags("Prices")
            .WithSummary("Every asset's USD price from its on-chain feed (× 1e8 and as a decimal), round, update time, and why it is not to be trusted (stale, jumped), if so.");
        app.MapGet("/prices/{asset}", GetAsync)
            .WithName("GetPrice")
            .WithTags("Prices");
        return app;
    }

    private static async Task<PriceResponse[]> ListAsync(IGrainFactory grains, IOptions<MarginBridgeOptions> options) =>
        await Task.WhenAll(options.Value.PriceFeeds.Select(async f => PriceResponse.From(await grains.GetGrain<IPriceOracleGrain>(f.Asset).GetStatus())));

    private static async Task<Results<Ok<PriceResponse>, ValidationProblem>> GetAsync(string asset, IGrainFactory grains, IOptions<MarginBridgeOptions> options)
    {
        if (!options.Value.PriceFeeds.Exists(f => f.Asset == asset))
        {
            return ApiProblems.Invalid("asset", $"'{asset}' has no price feed; known assets: {string.Join(", ", options.Value.PriceFeeds.Select(f => f.Asset))}.");
        }

        return TypedResults.Ok(PriceResponse.From(await grains.GetGrain<IPriceOracleGrain>(asset).GetStatus()));
    }
}

/// <param name="Usd">The price as a decimal string (8 decimals).</param>
/// <param name="OpenInterest">The venues' perpetual longs on the asset, in units of the asset (8 decimals).</param>
public sealed record PriceResponse(string Asset, long ChainId, string Feed, long Price, string Usd, long Round, DateTimeOffset? UpdatedAt, string? Stale, PriceJump? Jump, string? LastError, DateTimeOffset? LastPollAt, string OpenInterest)
{
    public static PriceResponse From(PriceStatus s) => new(
        s.Asset, s.ChainId, s.Feed, s.Price, Units(s.Price), s.Round, s.UpdatedAt, s.Stale, s.Jump, s.LastError, s.LastPollAt, Units(s.OpenInterest));

    private static string Units(long scaled) => (scaled / 100_000_000m).ToString("0.00000000", System.Globalization.CultureInfo.InvariantCulture);
}
