using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Routing;

namespace MarginBridge.UnitTests.Routing;

public sealed class BatchCutterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan NeverQuiet = TimeSpan.FromHours(1);

    private static QueuedTransfer Queued(long block, long logIndex, double secondsAgo) => new(
        new TransferMessage($"0x{block:x4}{logIndex:x4}", 1, "0xs", 2, "0xd", (ulong)block, "0xa", "0xt", "0xu", "0xr", 1, block, "0xh", "0xtx", logIndex),
        Now.AddSeconds(-secondsAgo));

    [Fact]
    public void NothingIsCut_BeforeTheBatchIsFull_TheOldestTransferIsOldEnough_OrTheQueueIsQuiet()
    {
        var queue = new[] { Queued(5, 0, 0.2), Queued(6, 0, 0.1) };
        Assert.Empty(BatchCutter.NextBatch(queue, maxSize: 3, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(150), Now));
    }

    [Fact]
    public void AQueueNothingJoinedForTheQuietPeriod_IsCut_BeforeItsOldestReachesTheAge()
    {
        var queue = new[] { Queued(5, 0, 0.3), Queued(5, 1, 0.2) };
        Assert.Equal(2, BatchCutter.NextBatch(queue, maxSize: 128, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(150), Now).Count);
    }

    [Fact]
    public void AFullBatch_IsCutAtOnce_WithAtMostTheMaximumSize()
    {
        var queue = Enumerable.Range(0, 5).Select(i => Queued(10 + i, 0, 0)).ToList();
        Assert.Equal(3, BatchCutter.NextBatch(queue, maxSize: 3, TimeSpan.FromHours(1), NeverQuiet, Now).Count);
    }

    [Fact]
    public void TheOldestTransferReachingTheAge_CutsWhatWaits()
    {
        var queue = new[] { Queued(5, 0, 1.5), Queued(6, 0, 0.1) };
        Assert.Equal(2, BatchCutter.NextBatch(queue, maxSize: 128, TimeSpan.FromSeconds(1), NeverQuiet, Now).Count);
    }

    [Fact]
    public void Batches_AreInSourceOrder_ByBlockThenLogIndex_WhateverTheQueueOrder()
    {
        var queue = new[] { Queued(9, 1, 2), Queued(7, 3, 2), Queued(9, 0, 2), Queued(7, 1, 2) };
        var batch = BatchCutter.NextBatch(queue, maxSize: 128, TimeSpan.FromSeconds(1), NeverQuiet, Now);
        Assert.Equal([(7L, 1L), (7, 3), (9, 0), (9, 1)], batch.Select(t => (t.BlockNumber, t.LogIndex)));
    }
}
