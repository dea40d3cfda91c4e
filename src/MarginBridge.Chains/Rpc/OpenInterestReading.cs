using System.Numerics;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Rpc;

/// <summary>
/// The perpetual open interest on an asset, as its venues report it (<c>IVenueAdapter.openInterest</c>):
/// the sum over every chain's venues and every market on the asset, in the margin method's quantity
/// units (× 1e8), rounded up — a higher open interest only ever raises an initial margin fraction.
/// </summary>
public static class OpenInterestReading
{
    public static async Task<long> ReadAsync(MarginBridgeOptions bridge, Func<long, ChainReader> readerOf, string asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        ArgumentNullException.ThrowIfNull(readerOf);
        var markets = bridge.Markets.Where(m => m.Underlying == asset).Select(m => m.OnChainId.HexToByteArray()).ToList();
        var reads = bridge.Chains.SelectMany(chain => chain.Venues.SelectMany(venue => markets.Select(market =>
            readerOf(chain.ChainId).QueryAsync<OpenInterestFunction, BigInteger>(venue, new OpenInterestFunction { Market = market }, cancellationToken))));
        var total = (await Task.WhenAll(reads)).Aggregate(BigInteger.Zero, (sum, longs) => sum + longs);
        return (long)BigInteger.Min((total + VenueScale.PerLibraryUnit - 1) / VenueScale.PerLibraryUnit, long.MaxValue);
    }
}
