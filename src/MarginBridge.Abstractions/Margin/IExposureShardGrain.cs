using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Prices;

namespace MarginBridge.Abstractions.Margin;

/// <summary>
/// One shard of the index of accounts exposed to an asset (key <c>{asset}/{shard}</c>; an account
/// is in shard <see cref="ExposureShards.ShardOf"/> of every asset its positions or collateral
/// depend on). It holds the accounts' compiled books, re-margins all of them when the asset's price
/// moves, and tells an account when its status changes.
/// </summary>
public interface IExposureShardGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the account's book and margins it at once.</summary>
    Task Upsert(AccountView view);

    Task Remove(string account);

    /// <summary>An oracle's new status; re-margins every book when it is this shard's asset.</summary>
    Task OnPrice(PriceStatus price);

    Task<ExposureShardStatus> GetStatus();

    /// <summary>
    /// The shard's accounts above maintenance that hold a perpetual in <paramref name="market"/> on the
    /// venue opposite to <paramref name="side"/> (the sign of the bankrupt position): who an
    /// auto-deleveraging may close against.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<DeleverageCounterparty>> FindOpposites(long chainId, string venue, string market, int side);
}

/// <param name="Size">The venue's 18-decimal size.</param>
/// <param name="EntryPrice">The venue's 18-decimal average entry price.</param>
/// <param name="Equity">The account's equity at the shard's last margin, quote units.</param>
[GenerateSerializer, Immutable]
public sealed record DeleverageCounterparty(
    [property: Id(0)] string Account,
    [property: Id(1)] System.Numerics.BigInteger Size,
    [property: Id(2)] System.Numerics.BigInteger EntryPrice,
    [property: Id(3)] System.Numerics.BigInteger Equity);

/// <param name="LastRemarginMicroseconds">Wall time of the last full re-margin of the shard's books.</param>
[GenerateSerializer, Immutable]
public sealed record ExposureShardStatus(
    [property: Id(0)] string Asset,
    [property: Id(1)] int Shard,
    [property: Id(2)] int Accounts,
    [property: Id(3)] IReadOnlyDictionary<MarginStatus, int> ByStatus,
    [property: Id(4)] long LastRemarginMicroseconds,
    [property: Id(5)] DateTimeOffset? LastRemarginAt);
