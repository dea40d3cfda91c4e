namespace MarginBridge.Grains.Breakers;

/// <summary>
/// A held trigger clears once chain <see cref="ChainId"/>'s head reaches <see cref="UntilBlock"/>:
/// <see cref="Blocks"/> blocks after the head when it was held, or, if that head could not be read
/// then, after the first head the breaker reads (null until then). Id 1 was the non-nullable end
/// of earlier versions; a hold stored by one of them reads as not started and starts again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BlockHold([property: Id(0)] long ChainId, [property: Id(3)] long? UntilBlock, [property: Id(2)] int Blocks)
{
    /// <summary>The same hold counted from <paramref name="head"/>.</summary>
    public BlockHold From(long head) => this with { UntilBlock = head + Blocks };

    /// <summary>Whether this hold ends before <paramref name="other"/>, a hold on the same chain (one that has not started yet ends last).</summary>
    public bool EndsBefore(BlockHold other) => other.UntilBlock is null ? UntilBlock is not null : UntilBlock < other.UntilBlock;
}
