using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;

namespace MarginBridge.Grains.Relaying;

/// <summary>
/// What one poll found: chain events (deposits, withdrawals, liquidation settlements, position changes) grouped per account in the order they happened (one call
/// per account), and transfer transitions (in order per transfer).
/// </summary>
internal sealed class AccountUpdates
{
    public TransferUpdates Transfers { get; } = new();

    private readonly Dictionary<string, List<ChainEventUpdate>> _byAccount = new(StringComparer.Ordinal);

    public void Add(FinalityChange change, ChainEvent chainEvent)
    {
        if (!_byAccount.TryGetValue(chainEvent.Account, out var list))
        {
            list = [];
            _byAccount[chainEvent.Account] = list;
        }

        list.Add(new ChainEventUpdate(change, chainEvent));
    }

    /// <summary>Accounts first, then the funds' bookings of liquidation settlements, in chain order.</summary>
    public async Task DeliverAsync(IGrainFactory grains)
    {
        await Task.WhenAll(_byAccount.Select(pair => grains.GetGrain<IAccountMarginGrain>(pair.Key).Apply(pair.Value)).Append(Transfers.DeliverAsync(grains)));
        foreach (var update in _byAccount.Values.SelectMany(u => u).Where(u => u.Event is LiquidationSettlement))
        {
            var settlement = (LiquidationSettlement)update.Event;
            var fund = grains.GetGrain<IInsuranceFundGrain>(settlement.ChainId);
            await (update.Change == FinalityChange.Revoked ? fund.Revoke(settlement) : fund.Book(settlement));
        }
    }
}
