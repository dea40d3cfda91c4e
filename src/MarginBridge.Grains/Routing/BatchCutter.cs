using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Routing;

/// <summary>
/// When and what to cut from a route's queue: first come, first served by source block and log
/// index (never by fee), a batch as soon as <c>maxSize</c> transfers wait or the oldest has waited
/// <c>maxAge</c>.
/// </summary>
public static class BatchCutter
{
    /// <summary>The transfers of the next batch, in leaf order; empty when no batch is due.</summary>
    public static IReadOnlyList<TransferMessage> NextBatch(IReadOnlyList<QueuedTransfer> queue, int maxSize, TimeSpan maxAge, DateTimeOffset now)
    {
        if (queue.Count == 0)
        {
            return [];
        }

        var due = queue.Count >= maxSize || queue.Min(q => q.QueuedAt) + maxAge <= now;
        return due
            ? [.. queue.Select(q => q.Message).OrderBy(m => m.BlockNumber).ThenBy(m => m.LogIndex).Take(maxSize)]
            : [];
    }
}
