using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Grains.Relaying;

/// <summary>
/// What one poll found: deposit changes grouped per account in the order they happened (one call
/// per account), and transfer transitions (in order per transfer).
/// </summary>
internal sealed class AccountUpdates
{
    public TransferUpdates Transfers { get; } = new();

    private readonly Dictionary<string, List<DepositUpdate>> _byAccount = new(StringComparer.Ordinal);

    public void Add(DepositChange change, Deposit deposit)
    {
        if (!_byAccount.TryGetValue(deposit.Account, out var list))
        {
            list = [];
            _byAccount[deposit.Account] = list;
        }

        list.Add(new DepositUpdate(change, deposit));
    }

    public Task DeliverAsync(IGrainFactory grains) =>
        Task.WhenAll(_byAccount.Select(pair => grains.GetGrain<IAccountMarginGrain>(pair.Key).Apply(pair.Value)).Append(Transfers.DeliverAsync(grains)));
}
