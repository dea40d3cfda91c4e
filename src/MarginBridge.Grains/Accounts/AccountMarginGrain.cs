using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Grains.Margin;
using MarginBridge.Grains.Storage;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// One account's collateral on every chain, pending (soft-final) and final (hard-final): deposits
/// minus withdrawals, minus what transfers took out of a chain, plus what they brought in; and its
/// positions on every venue, folded from the venues' reports.
/// </summary>
public sealed partial class AccountMarginGrain(
    [PersistentState("account", "accounts")] IPersistentState<AccountState> state,
    IOptions<MarginBridgeOptions> options,
    MarginModel model,
    TimeProvider time,
    ILogger<AccountMarginGrain> logger) : Grain, IAccountMarginGrain
{
    /// <summary>A reservation outlives its clearance's expiry by this much, for clocks that disagree.</summary>
    private const long ReservationGraceSeconds = 60;

    /// <summary>Every write goes through it: transfer legs interleave with the other calls (see <see cref="IAccountMarginGrain.ApplyTransferLeg"/>).</summary>
    private readonly GroupCommit _commit = new(() => state.WriteStateAsync());
    private GroupCommit? _publish;

    private AccountState State => state.State;

    public async Task Apply(IReadOnlyList<ChainEventUpdate> updates)
    {
        var changed = false;
        foreach (var update in updates)
        {
            changed |= ApplyOne(update);
        }

        if (changed)
        {
            await SaveAndPublishAsync();
        }
    }

    public Task<AccountView> GetView() => Task.FromResult(BuildView());

    public async Task SetMarginFlag(MarginFlag flag)
    {
        if (State.Flag is null || flag.DecidedAt >= State.Flag.DecidedAt)
        {
            // Stored when the status changes; a newer verdict with the same status only replaces the
            // one in memory (the next write of the ledger stores it): every update of an account with
            // positions brings one, and it must not cost a second write.
            var statusChanged = State.Flag?.Status != flag.Status;
            State.Flag = flag;
            if (statusChanged)
            {
                var account = this.GetPrimaryKeyString();
                LogMarginStatus(account, flag.Status, flag.Equity, flag.MaintenanceRequirement);
                await _commit.RunAsync();
            }

            if (flag.Status is MarginStatus.Liquidatable or MarginStatus.NegativeEquity)
            {
                await GrainFactory.GetGrain<ILiquidationGrain>(this.GetPrimaryKeyString()).Check();
            }
        }
    }

    private AccountView BuildView()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var entries = State.Ledger.Entries()
            .Concat(State.TransferLegs.Values.Select(l => (l.ChainId, l.Token, l.Amount, l.HardFinal)))
            .Concat(State.SettledTransfers.Select(t => (t.ChainId, t.Token, t.Amount, HardFinal: true)))
            .Concat(State.Reservations.Values.Where(r => IsLive(r, now)).Select(r => (r.ChainId, r.Token, Amount: -r.Amount, HardFinal: false)));
        var balances = entries
            .GroupBy(e => (e.ChainId, e.Token))
            .Select(g => new ChainBalance(
                g.Key.ChainId,
                g.Key.Token,
                AssetOf(g.Key.ChainId, g.Key.Token),
                Sum(g.Where(e => !e.HardFinal).Select(e => e.Amount)),
                Sum(g.Where(e => e.HardFinal).Select(e => e.Amount))))
            .OrderBy(b => b.ChainId)
            .ThenBy(b => b.Token, StringComparer.Ordinal)
            .ToList();
        var totals = balances
            .Where(b => b.Asset is not null)
            .GroupBy(b => b.Asset!)
            .Select(g => new AssetTotal(g.Key, g.Aggregate(BigInteger.Zero, (s, b) => s + b.Pending), g.Aggregate(BigInteger.Zero, (s, b) => s + b.Final)))
            .OrderBy(t => t.Asset, StringComparer.Ordinal)
            .ToList();
        var positions = State.Positions.Values.Select(p => p.Current).Where(p => !p.Size.IsZero || !p.RealizedPnl.IsZero)
            .OrderBy(p => p.ChainId).ThenBy(p => p.Venue, StringComparer.Ordinal).ThenBy(p => p.Market, StringComparer.Ordinal)
            .ToList();
        return new AccountView(this.GetPrimaryKeyString(), balances, totals, State.Ledger.Deposits, State.Ledger.RevokedDeposits, positions, State.Flag);
    }

    /// <summary>Saves the ledger, then gives the new book to the exposure shards (<see cref="PublishAsync"/>).</summary>
    private async Task SaveAndPublishAsync()
    {
        await _commit.RunAsync();
        await (_publish ??= new GroupCommit(PublishAsync)).RunAsync();
    }

    /// <summary>
    /// Gives the book as it is now to the exposure shard of every asset it depends on (which margins it
    /// at once) and leaves the shards of assets it no longer depends on. One publish at a time, each
    /// from the state when it starts: a shard never gets an older book after a newer one, and
    /// <see cref="AccountState.ExposedTo"/> follows the newest.
    /// </summary>
    private async Task PublishAsync()
    {
        var view = BuildView();
        var exposures = LiveBook.Compile(view, options.Value, model).Exposures.ToList();
        var shards = options.Value.Exposure.ShardsPerAsset;
        var shard = ExposureShards.ShardOf(view.Address, shards);
        var left = State.ExposedTo.Except(exposures).ToList();
        await Task.WhenAll(exposures.Select(a => GrainFactory.GetGrain<IExposureShardGrain>(ExposureShards.Key(a, shard)).Upsert(view))
            .Concat(left.Select(a => GrainFactory.GetGrain<IExposureShardGrain>(ExposureShards.Key(a, shard)).Remove(view.Address))));
        if (!State.ExposedTo.SequenceEqual(exposures))
        {
            State.ExposedTo = exposures;
            await _commit.RunAsync();
        }
    }

    public async Task<WithdrawalDecision> ReserveWithdrawal(WithdrawalReservation reservation)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var expired in State.Reservations.Where(r => !IsLive(r.Value, now)).Select(r => r.Key).ToList())
        {
            State.Reservations.Remove(expired);
        }

        if (State.Reservations.ContainsKey(reservation.Key) || State.Ledger.Holds(reservation.PaidBy))
        {
            return new WithdrawalDecision(false, $"nonce {reservation.Nonce} is already used for a withdrawal on chain {reservation.ChainId}", 0, 0);
        }

        var view = BuildView();
        var balance = view.Balances.FirstOrDefault(b => b.ChainId == reservation.ChainId && b.Token == reservation.Token);
        var available = balance is null ? 0 : balance.Final + BigInteger.Min(balance.Pending, 0);
        if (available < reservation.Amount)
        {
            return new WithdrawalDecision(false, $"{reservation.Amount} is more than the {available} base units that are hard-final on chain {reservation.ChainId} and not held for other withdrawals", 0, 0);
        }

        var after = view with { Balances = [.. view.Balances.Select(b => b == balance ? b with { Final = b.Final - reservation.Amount } : b)] };
        var prices = await Task.WhenAll(options.Value.PriceFeeds.Select(f => GrainFactory.GetGrain<IPriceOracleGrain>(f.Asset).GetStatus()));
        var basis = LiveBook.Compile(after, options.Value, model).Decide(new PriceBoard(prices), model, now, out var undecided);
        if (basis is null)
        {
            return new WithdrawalDecision(false, undecided, 0, 0);
        }

        var margin = basis.Margin;
        if (!margin.MeetsInitial)
        {
            return new WithdrawalDecision(false, "after the withdrawal equity would be below the initial requirement", (BigInteger)margin.Equity, (BigInteger)margin.InitialRequirement);
        }

        State.Reservations[reservation.Key] = reservation;
        await SaveAndPublishAsync();
        return new WithdrawalDecision(true, null, (BigInteger)margin.Equity, (BigInteger)margin.InitialRequirement);
    }

    public async Task ReleaseWithdrawal(string key)
    {
        if (State.Reservations.Remove(key))
        {
            await SaveAndPublishAsync();
        }
    }

    public async Task ApplyTransferLeg(TransferLeg leg)
    {
        if (!State.TransferLegs.TryGetValue(leg.Key, out var existing) || existing != leg)
        {
            State.TransferLegs[leg.Key] = leg;
            await SaveAndPublishAsync();
        }
    }

    public async Task RemoveTransferLeg(string key)
    {
        if (State.TransferLegs.Remove(key))
        {
            await SaveAndPublishAsync();
        }
    }

    public async Task SettleTransferLegs(IReadOnlyList<string> keys)
    {
        var settled = false;
        foreach (var key in keys)
        {
            if (State.TransferLegs.Remove(key, out var leg))
            {
                SettledTotal.Add(State.SettledTransfers, leg.ChainId, leg.Token, leg.Amount);
                settled = true;
            }
        }

        if (settled)
        {
            await SaveAndPublishAsync();
        }
    }

    private static bool IsLive(WithdrawalReservation reservation, long now) => reservation.ExpiresAt + ReservationGraceSeconds >= now;

    private bool ApplyOne(ChainEventUpdate update)
    {
        if (update.Event is PositionChange report)
        {
            if (!State.Positions.TryGetValue(report.PositionKey, out var history))
            {
                history = new PositionHistory { Final = VenuePosition.Flat(report) };
                State.Positions[report.PositionKey] = history;
            }

            return history.Apply(update.Change, report);
        }

        switch (State.Ledger.Apply(update.Change, update.Event))
        {
            case LedgerChange.Applied:
                if (update is { Change: FinalityChange.Observed, Event: Withdrawal paid })
                {
                    State.Reservations.Remove($"{paid.ChainId}:{paid.ClearanceNonce}");
                }

                return true;
            case LedgerChange.FinalEventRevoked:
                LogFinalEventRevoked(update.Event.Key, update.Event.BlockNumber);
                return false;
            default:
                return false;
        }
    }

    private static BigInteger Sum(IEnumerable<BigInteger> amounts) => amounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a);

    private string? AssetOf(long chainId, string token) =>
        options.Value.FindChain(chainId)?.FindToken(token)?.Asset;

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Account {Account} is now {Status}: equity {Equity}, maintenance {Maintenance} (quote units)")]
    private partial void LogMarginStatus(string account, MarginStatus status, BigInteger equity, BigInteger maintenance);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "A reorg removed hard-final {Key} (block {Block}); it is kept and needs an operator")]
    private partial void LogFinalEventRevoked(string key, long block);
}
