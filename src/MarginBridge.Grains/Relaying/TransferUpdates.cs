using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Relaying;

/// <summary>Transfer transitions of one poll, applied in order per transfer and in parallel across transfers.</summary>
internal sealed class TransferUpdates
{
    private readonly Dictionary<string, List<Func<ITransferGrain, Task>>> _byTransfer = new(StringComparer.Ordinal);

    public void Observe(TransferMessage message) => Add(message.Id, grain => grain.Observe(message));

    public void SourceHardFinal(TransferMessage message, long head) => Add(message.Id, grain => grain.MarkSourceHardFinal(message.BlockNumber, head));

    public void Drop(TransferMessage message, string reason) => Add(message.Id, grain => grain.Drop(message.BlockHash, reason));

    public void Reject(TransferMessage message, string reason) => Add(message.Id, grain => grain.Reject(message, reason));

    public Task DeliverAsync(IGrainFactory grains) => Task.WhenAll(_byTransfer.Select(async pair =>
    {
        var grain = grains.GetGrain<ITransferGrain>(pair.Key);
        foreach (var update in pair.Value)
        {
            await update(grain);
        }
    }));

    private void Add(string id, Func<ITransferGrain, Task> update)
    {
        if (!_byTransfer.TryGetValue(id, out var list))
        {
            list = [];
            _byTransfer[id] = list;
        }

        list.Add(update);
    }
}
