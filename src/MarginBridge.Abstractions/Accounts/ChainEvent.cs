namespace MarginBridge.Abstractions.Accounts;

/// <summary>
/// Something a chain's contracts emitted about one account, as the relayer saw it: counted at once
/// (soft-final), confirmed when hard-final, taken back if a reorg removes its block first.
/// </summary>
/// <param name="Account">Lower-case 0x address.</param>
[GenerateSerializer, Immutable]
public abstract record ChainEvent(
    [property: Id(0)] long ChainId,
    [property: Id(1)] string Account,
    [property: Id(2)] long BlockNumber,
    [property: Id(3)] string BlockHash,
    [property: Id(4)] string TransactionHash,
    [property: Id(5)] long LogIndex)
{
    /// <summary>Identifies the event for idempotent delivery (the same event delivered twice counts once).</summary>
    public abstract string Key { get; }

    /// <summary>Orders events of one chain as they happened.</summary>
    public (long Block, long Log) Position => (BlockNumber, LogIndex);
}

/// <summary>What happened to a chain event on its chain.</summary>
public enum FinalityChange
{
    /// <summary>Included in a block: soft-final.</summary>
    Observed,

    /// <summary>Hard-final by the chain's layer kind.</summary>
    HardFinal,

    /// <summary>Its block was reorganised away before hard finality.</summary>
    Revoked,
}

[GenerateSerializer, Immutable]
public sealed record ChainEventUpdate([property: Id(0)] FinalityChange Change, [property: Id(1)] ChainEvent Event);
