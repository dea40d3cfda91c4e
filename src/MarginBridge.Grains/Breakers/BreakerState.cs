using MarginBridge.Abstractions.Breakers;

namespace MarginBridge.Grains.Breakers;

[GenerateSerializer]
public sealed class CircuitBreakerState
{
    [Id(0)]
    public BreakerState State { get; set; }

    [Id(1)]
    public DateTimeOffset? Since { get; set; }

    [Id(2)]
    public string? Reason { get; set; }

    [Id(3)]
    public string? TrippedBy { get; set; }

    [Id(4)]
    public Dictionary<string, string> Active { get; set; } = [];

    /// <summary>Triggers held for a number of blocks (<see cref="ICircuitBreakerGrain.Hold"/>) and the block that clears each.</summary>
    [Id(6)]
    public Dictionary<string, BlockHold> HeldUntil { get; set; } = [];

    /// <summary>The latest transitions, newest last (the journal keeps all of them).</summary>
    [Id(5)]
    public List<BreakerTransition> History { get; set; } = [];
}
