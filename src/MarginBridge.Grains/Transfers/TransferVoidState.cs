using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Grains.Transfers;

[GenerateSerializer]
public sealed class TransferVoidState
{
    /// <summary>The transfer being voided; null until an operator starts it.</summary>
    [Id(0)]
    public TransferMessage? Message { get; set; }

    /// <summary>The void's nonce (= batch number) on the destination's instruction route; 0 until numbered, and again after it expired.</summary>
    [Id(1)]
    public ulong Nonce { get; set; }

    [Id(2)]
    public ulong Expiry { get; set; }

    /// <summary>When its execution was last sent, or null.</summary>
    [Id(3)]
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Decided: voided, executed before it could be, or given back to its route.</summary>
    [Id(4)]
    public bool Done { get; set; }

    /// <summary>The operator who withdrew the cancellation: no void is asked for any more, and the transfer goes back to its route once the void attested so far can no longer execute.</summary>
    [Id(5)]
    public string? WithdrawnBy { get; set; }

    /// <summary>The cancellation was withdrawn and the transfer given back to its route; a new cancellation starts a new void.</summary>
    [Id(6)]
    public bool GivenBack { get; set; }
}
