using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Routing;

[GenerateSerializer]
public sealed class RouteState
{
    /// <summary>Hard-final transfers not yet in a batch, in source order (block, log index).</summary>
    [Id(0)]
    public List<QueuedTransfer> Queue { get; set; } = [];

    [Id(1)]
    public ulong NextBatchNumber { get; set; } = 1;

    /// <summary>Batches not fully executed, ascending by number.</summary>
    [Id(2)]
    public List<RouteBatch> Batches { get; set; } = [];

    [Id(3)]
    public long ExecutedTransfers { get; set; }
}

[GenerateSerializer]
public sealed record QueuedTransfer([property: Id(0)] TransferMessage Message, [property: Id(1)] DateTimeOffset QueuedAt);

public enum BatchStage
{
    /// <summary>Cut and numbered; the committee has not signed its root yet.</summary>
    Formed,

    /// <summary>A quorum signed the root and it is being submitted; or, on an optimistic route, a member proposed it and it waits out its challenge window.</summary>
    Attested,

    /// <summary>The destination accepted the root; executing the transfers.</summary>
    Accepted,

    /// <summary>Every transfer is executed; kept until the destination blocks that hold the executions are hard-final.</summary>
    Done,
}

[GenerateSerializer]
public sealed class RouteBatch
{
    [Id(0)]
    public ulong Number { get; set; }

    /// <summary>The highest source block of its transfers: the block the committee checks the outbox at.</summary>
    [Id(1)]
    public long SourceBlock { get; set; }

    /// <summary>
    /// Its transfers' ids in leaf order: all the batch keeps in storage. Each message is stored by
    /// its own transfer grain, so the route's state stays small however many batches are in flight.
    /// </summary>
    [Id(22)]
    public List<string> TransferIds { get; set; } = [];

    /// <summary>Its transfers in leaf order; not stored (see <see cref="TransferIds"/>), brought back from their transfer grains when the route activates.</summary>
    public List<TransferMessage> Transfers
    {
        get;
        set
        {
            field = value;
            TransferIds = [.. value.Select(t => t.Id)];
        }
    } = [];

    [Id(3)]
    public string Root { get; set; } = string.Empty;

    [Id(4)]
    public BatchStage Stage { get; set; }

    [Id(5)]
    public List<string> Signers { get; set; } = [];

    /// <summary>r, s, v per signer, in signer order.</summary>
    [Id(6)]
    public List<SignatureHex> Signatures { get; set; } = [];

    /// <summary>Our submitRoot transaction and its replacements, newest last.</summary>
    [Id(7)]
    public List<string> RootTransactions { get; set; } = [];

    [Id(8)]
    public DateTimeOffset? RootSentAt { get; set; }

    /// <summary>Our executeTransfers transaction in flight and its replacements, newest last.</summary>
    [Id(9)]
    public List<string> ExecuteTransactions { get; set; } = [];

    [Id(10)]
    public DateTimeOffset? ExecuteSentAt { get; set; }

    /// <summary>The leaf indices the transaction in flight executes.</summary>
    [Id(11)]
    public List<int> Executing { get; set; } = [];

    [Id(12)]
    public HashSet<int> Executed { get; set; } = [];

    /// <summary>Why the batch's next step waits, in words.</summary>
    [Id(13)]
    public string? Waiting { get; set; }

    /// <summary>The highest destination block known to hold one of its executions.</summary>
    [Id(14)]
    public long ExecutedThroughBlock { get; set; }

    /// <summary>When the last execution was seen: a destination reorg detected later may have undone it.</summary>
    [Id(15)]
    public DateTimeOffset? ExecutedAt { get; set; }

    /// <summary>The stages its transfers were told of ("batched", "attested", "accepted"): an outbox, so a failed notification is sent again next tick.</summary>
    [Id(16)]
    public HashSet<string> Announced { get; set; } = [];

    /// <summary>How each executed leaf was executed, until its transfer was told.</summary>
    [Id(17)]
    public Dictionary<int, ExecutionNote> ExecutionNotes { get; set; } = [];

    /// <summary>The leaves whose transfers were told they are executed.</summary>
    [Id(18)]
    public HashSet<int> AnnouncedExecuted { get; set; } = [];

    /// <summary>The transaction that put the root on the destination (ours), or null when someone else's did.</summary>
    [Id(19)]
    public string? RootTransaction { get; set; }

    [Id(20)]
    public long RootBlock { get; set; }

    /// <summary>On an optimistic route: the member that proposed the root (its transaction is in <see cref="RootTransactions"/>).</summary>
    [Id(21)]
    public string? ProposedBy { get; set; }

    /// <summary>Leaves an operator asked to void: the route no longer pays them; the replay bit the void sets ends them.</summary>
    [Id(23)]
    public HashSet<int> Voiding { get; set; } = [];
}

/// <param name="Transaction">Null when someone else executed it.</param>
[GenerateSerializer, Immutable]
public sealed record ExecutionNote([property: Id(0)] string? Transaction, [property: Id(1)] long? Block, [property: Id(2)] string Detail);

[GenerateSerializer]
public sealed record SignatureHex([property: Id(0)] string R, [property: Id(1)] string S, [property: Id(2)] byte V);
