using MarginBridge.Abstractions.Breakers;

namespace MarginBridge.Grains.Breakers;

public static class OpenBreakers
{
    /// <summary>The first of the scopes whose breaker is open, or null when all are closed or probing.</summary>
    public static async Task<BreakerStatus?> FirstAsync(IGrainFactory grains, IEnumerable<string> scopes)
    {
        var statuses = await Task.WhenAll(scopes.Select(s => grains.GetGrain<ICircuitBreakerGrain>(s).GetStatus()));
        return statuses.FirstOrDefault(s => s.State == BreakerState.Open);
    }
}
