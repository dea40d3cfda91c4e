using MarginBridge.Grains.Breakers;

namespace MarginBridge.UnitTests.Breakers;

public sealed class BlockHoldTests
{
    [Fact]
    public void AHoldWhoseChainCouldNotBeRead_StartsFromTheFirstHeadRead()
    {
        var unstarted = new BlockHold(31001, null, 50);
        Assert.Equal(new BlockHold(31001, 170, 50), unstarted.From(120));
    }

    [Fact]
    public void AHoldEndsBeforeALaterOne_AndEveryStartedHoldEndsBeforeOneNotStartedYet()
    {
        var early = new BlockHold(31001, 100, 50);
        var late = new BlockHold(31001, 150, 50);
        var unstarted = new BlockHold(31001, null, 50);
        Assert.True(early.EndsBefore(late));
        Assert.False(late.EndsBefore(early));
        Assert.True(late.EndsBefore(unstarted));
        Assert.False(unstarted.EndsBefore(late));
        Assert.False(unstarted.EndsBefore(unstarted));
    }
}
