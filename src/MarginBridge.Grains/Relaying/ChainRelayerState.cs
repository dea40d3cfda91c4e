using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Relaying;

/// <summary>The persisted progress of one chain's relayer.</summary>
[GenerateSerializer]
public sealed class ChainRelayerState
{
    /// <summary>The last block whose events were scanned; -1 before the first scan.</summary>
    [Id(0)]
    public long Cursor { get; set; } = -1;

    /// <summary>Hashes and timestamps of the blocks the relayer relies on: scanned range ends and the blocks of pending events.</summary>
    [Id(1)]
    public SortedDictionary<long, RecordedBlock> Blocks { get; set; } = [];

    /// <summary>Deposits, withdrawals and position changes told to accounts that are not hard-final yet.</summary>
    [Id(2)]
    public List<PendingEvent> Pending { get; set; } = [];

    [Id(3)]
    public long HardFinalHeight { get; set; } = -1;

    [Id(4)]
    public ReorgRecord? LastReorg { get; set; }

    [Id(5)]
    public int DeepReorgCount { get; set; }

    [Id(6)]
    public long Head { get; set; } = -1;

    /// <summary>Outbound transfers seen on this chain whose source block is not hard-final yet.</summary>
    [Id(7)]
    public List<PendingTransfer> PendingTransfers { get; set; } = [];

    /// <summary>Deep reorgs an operator reviewed; routes out of the chain run again once all are.</summary>
    [Id(8)]
    public int AcknowledgedDeepReorgs { get; set; }

    /// <summary>Every block holding something that waits for hard finality.</summary>
    public IEnumerable<long> PendingBlocks() =>
        Pending.Select(p => p.Event.BlockNumber).Concat(PendingTransfers.Select(p => p.Message.BlockNumber));
}

[GenerateSerializer, Immutable]
public sealed record RecordedBlock([property: Id(0)] string Hash, [property: Id(1)] long Timestamp);

[GenerateSerializer, Immutable]
public sealed record PendingTransfer([property: Id(0)] TransferMessage Message, [property: Id(1)] long BlockTimestamp);

[GenerateSerializer, Immutable]
public sealed record PendingEvent([property: Id(0)] ChainEvent Event, [property: Id(1)] long BlockTimestamp);
