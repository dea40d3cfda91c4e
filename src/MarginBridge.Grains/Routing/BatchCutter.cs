using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Routing;

/// <summary>
/// When and what to cut from a route's queue: first come, first served by source block and log
/// index (never by fee), a batch as soon as <c>maxSize</c> transfers wait, the oldest has waited
/// <c>maxAge</c>, or nothing joined the queue for <c>quiet</c>. Transfers reach a route in bursts,
/// one per relayer poll of its source chain, and the next burst is at least a source block away:
/// once a burst has settled, waiting longer adds latency and no transfers.
/// </summary>
public static class BatchCutter
{
    /// <summary>The transfers of the next batch, in leaf order; empty when no batch is due.</summary>
    public static IReadOnlyList<TransferMessage> NextBatch(IReadOnlyList<QueuedTransfer> queue, int maxSize, TimeSpan maxAge, TimeSpan quiet, DateTimeOffset now)
    {
        if (queue.Count == 0)
        {
            return [];
        }

        var due = queue.Count >= maxSize || queue.Min(q => q.QueuedAt) + maxAge <= now || queue.Max(q => q.QueuedAt) + quiet <= now;
        return due
            ? [.. queue.Select(q => q.Message).OrderBy(m => m.BlockNumber).ThenBy(m => m.LogIndex).Take(maxSize)]
            : [];
    }
}
