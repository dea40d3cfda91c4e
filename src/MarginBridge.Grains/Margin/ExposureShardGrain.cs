using System.Diagnostics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Margin.Portfolio;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Margin;

/// <summary>
/// One shard of an asset's exposure index. Its membership is persisted; the books are rebuilt from
/// the accounts when the shard activates (after a silo restart or failover), so a price move after
/// a crash still reaches every exposed account. Flags go to accounts one-way: a shard never waits
/// on an account, so an account that is telling the shard about a change cannot deadlock with it.
/// </summary>
public sealed class ExposureShardGrain(
    [PersistentState("shard", "exposure")] IPersistentState<ExposureShardState> state,
    MarginModel model,
    IOptions<MarginBridgeOptions> options,
    TimeProvider time) : Grain, IExposureShardGrain
{
    private const int ReloadParallelism = 64;

    private ExposureShard _shard = null!;
    private (string Asset, int Shard) _key;
    private long _lastRemarginMicroseconds;
    private long _underMargined;
    private DateTimeOffset? _lastRemarginAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ExposureShards.Parse(this.GetPrimaryKeyString());
        _shard = new ExposureShard(model, options.Value);
        var prices = await Task.WhenAll(options.Value.PriceFeeds.Select(f => GrainFactory.GetGrain<IPriceOracleGrain>(f.Asset).GetStatus()));
        foreach (var price in prices)
        {
            _shard.Prices.Set(price);
        }

        foreach (var chunk in state.State.Accounts.Chunk(ReloadParallelism))
        {
            var views = await Task.WhenAll(chunk.Select(a => GrainFactory.GetGrain<IAccountMarginGrain>(a).GetView()));
            foreach (var view in views)
            {
                Tell(view.Address, _shard.Upsert(view, time.GetUtcNow()), byPrice: false);
            }
        }
    }

    public async Task Upsert(AccountView view)
    {
        Tell(view.Address, _shard.Upsert(view, time.GetUtcNow()), byPrice: false);
        if (state.State.Accounts.Add(view.Address))
        {
            await state.WriteStateAsync();
        }

        await ReportUnderMarginedAsync();
    }

    public async Task Remove(string account)
    {
        _shard.Remove(account);
        if (state.State.Accounts.Remove(account))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task OnPrice(PriceStatus price)
    {
        _shard.Prices.Set(price);
        if (price.Asset == _key.Asset)
        {
            var started = Stopwatch.GetTimestamp();
            var changed = _shard.Remargin(time.GetUtcNow());
            _lastRemarginMicroseconds = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            _lastRemarginAt = time.GetUtcNow();
            foreach (var (account, flag) in changed)
            {
                Tell(account, flag, byPrice: true);
            }

            await ReportUnderMarginedAsync();
        }
    }

    /// <summary>Tells the asset's total when the shard's under-margined equity changed.</summary>
    private async Task ReportUnderMarginedAsync()
    {
        var now = (long)_shard.UnderMargined();
        if (now != _underMargined)
        {
            await GrainFactory.GetGrain<IUnderMarginedTotalGrain>(_key.Asset).Report(_key.Shard, now);
            _underMargined = now;
        }
    }

    public Task<ExposureShardStatus> GetStatus() =>
        Task.FromResult(new ExposureShardStatus(_key.Asset, _key.Shard, _shard.Count, _shard.CountByStatus(), _lastRemarginMicroseconds, _lastRemarginAt));

    public Task<IReadOnlyList<DeleverageCounterparty>> FindOpposites(long chainId, string venue, string market, int side) =>
        Task.FromResult<IReadOnlyList<DeleverageCounterparty>>(_shard.Opposites(chainId, venue, market, side));

    /// <summary>
    /// Tells the account (one-way). A price move that takes an account below zero holds the outflows
    /// breaker for <c>Breakers:NegativeEquityHaltBlocks</c> blocks of the chain that hosts the asset's
    /// price feed, the clock of the move that revealed it (dYdX's withdrawal gating). An account
    /// update does not: chains are read independently, so a venue's position can reach the account
    /// before the deposit that backs it on another chain, and that passing view must not halt everyone.
    /// </summary>
    private void Tell(string account, MarginFlag flag, bool byPrice)
    {
        _ = GrainFactory.GetGrain<IAccountMarginGrain>(account).SetMarginFlag(flag);
        if (byPrice && flag.Status == MarginStatus.NegativeEquity)
        {
            var equity = SimulationUsd(flag.Equity);
            var feedChain = options.Value.PriceFeeds.First(f => f.Asset == _key.Asset).ChainId;
            _ = GrainFactory.GetGrain<ICircuitBreakerGrain>(BreakerScope.Outflows)
                .Hold("negative-equity", $"account {account} has negative equity ({equity} USD)", feedChain, options.Value.Breakers.NegativeEquityHaltBlocks);
        }
    }

    private static string SimulationUsd(System.Numerics.BigInteger quoteUnits) =>
        ((decimal)quoteUnits / 1_000_000m).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
}
