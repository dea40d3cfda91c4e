using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Grains.Relaying;

/// <summary>
/// What one poll found: chain events (deposits, withdrawals, position changes) grouped per account in the order they happened (one call
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

    public Task DeliverAsync(IGrainFactory grains) =>
        Task.WhenAll(_byAccount.Select(pair => grains.GetGrain<IAccountMarginGrain>(pair.Key).Apply(pair.Value)).Append(Transfers.DeliverAsync(grains)));
}
