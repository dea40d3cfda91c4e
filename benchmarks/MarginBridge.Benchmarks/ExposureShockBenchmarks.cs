using System.Numerics;
using BenchmarkDotNet.Attributes;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Benchmarks;

/// <summary>
/// A 10 % ETH move re-margins every exposed account: 100,000 accounts, each with 10 positions on two
/// underlyings (an ETH and a BTC perpetual, four ETH and four BTC options) and USDC on two chains,
/// spread over the default 16 exposure shards. The shards run in parallel on every core, as their
/// grains do on a silo; the grain messages (one per shard) are not in the measurement.
/// </summary>
[MemoryDiagnoser]
public class ExposureShockBenchmarks
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private readonly MarginModel _model = new(new MarginParameters());
    private ExposureShard[] _shards = [];
    private bool _down;

    [Params(100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = Options();
        var shards = options.Exposure.ShardsPerAsset;
        _shards = [.. Enumerable.Range(0, shards).Select(_ => new ExposureShard(_model, options))];
        foreach (var shard in _shards)
        {
            shard.Prices.Set(Price("ETH", 3_000));
            shard.Prices.Set(Price("BTC", 100_000));
        }

        var now = DateTimeOffset.FromUnixTimeSeconds(SampleBooks.Now);
        for (var i = 0; i < Accounts; i++)
        {
            var view = View(i, options);
            _shards[ExposureShards.ShardOf(view.Address, shards)].Upsert(view, now);
        }
    }

    /// <summary>ETH moves 10 % (down, then back up on the next call); every shard re-margins all its accounts.</summary>
    [Benchmark]
    public int ShockEthTenPercent()
    {
        _down = !_down;
        var price = Price("ETH", _down ? 2_700 : 3_000);
        var now = DateTimeOffset.FromUnixTimeSeconds(SampleBooks.Now);
        var changed = 0;
        Parallel.ForEach(_shards, shard =>
        {
            shard.Prices.Set(price);
            Interlocked.Add(ref changed, shard.Remargin(now).Count);
        });
        return changed;
    }

    private static PriceStatus Price(string asset, long usd) => new(asset, 1, "0xfeed", usd * 100_000_000, 1, null, null, null, null, null);

    private static MarginBridgeOptions Options()
    {
        var options = new MarginBridgeOptions
        {
            Chains =
            [
                new ChainOptions { Name = "hub", Kind = Abstractions.Chains.LayerKind.L1, ChainId = 1, Tokens = [new TokenOptions { Asset = "USDC", Address = Token(1), Decimals = 6 }] },
                new ChainOptions { Name = "zk", Kind = Abstractions.Chains.LayerKind.ZkRollup, ChainId = 2, Tokens = [new TokenOptions { Asset = "USDC", Address = Token(2), Decimals = 6 }] },
            ],
        };
        foreach (var asset in new[] { "ETH", "BTC" })
        {
            options.Markets.Add(new MarketOptions { Id = $"{asset}-PERP", Underlying = asset });
            for (var k = 0; k < 4; k++)
            {
                options.Markets.Add(new MarketOptions { Id = $"{asset}-OPT-{k}", Underlying = asset, Volatility = 0.6 + (0.05 * k) });
            }
        }

        return options;
    }

    /// <summary>Account <paramref name="i"/>: 10x-ish leveraged perps, a short strangle and a long strangle per underlying, sized by i so statuses vary.</summary>
    private static AccountView View(int i, MarginBridgeOptions options)
    {
        var address = $"0x{i:x40}";
        var positions = new List<VenuePosition>();
        foreach (var (asset, spot, venue, chain) in new[] { ("ETH", 3_000, "0x00000000000000000000000000000000000000e1", 1L), ("BTC", 100_000, "0x00000000000000000000000000000000000000b1", 2L) })
        {
            var units = asset == "ETH" ? 10 + (i % 7) : 1;
            positions.Add(Position(options, chain, venue, $"{asset}-PERP", Instrument.Perpetual, i % 2 == 0 ? units : -units, spot, 0, 0));
            for (var k = 0; k < 4; k++)
            {
                var strike = spot * (80 + (k * 13)) / 100;
                var kind = k % 2 == 0 ? Instrument.Put : Instrument.Call;
                positions.Add(Position(options, chain, venue, $"{asset}-OPT-{k}", kind, k < 2 ? -units : units, spot, strike, SampleBooks.Now + ((k + 1) * 7 * 86_400)));
            }
        }

        var collateral = 5_000 + (i % 40 * 1_000);
        BigInteger Usdc(long usd) => new BigInteger(usd) * 1_000_000;
        return new AccountView(
            address,
            [new ChainBalance(1, Token(1), "USDC", 0, Usdc(collateral)), new ChainBalance(2, Token(2), "USDC", Usdc(1_000), Usdc(collateral))],
            [],
            2,
            0,
            positions,
            null);
    }

    private static VenuePosition Position(MarginBridgeOptions options, long chain, string venue, string market, Instrument instrument, int size, long entry, long strike, long expiry) =>
        new(chain, venue, options.Markets.Single(m => m.Id == market).OnChainId, instrument, size * Wad, instrument == Instrument.Perpetual ? entry * Wad : 0, strike * Wad, expiry, 0, 1, 0);

    private static string Token(int chain) => $"0x{chain:x40}";
}
