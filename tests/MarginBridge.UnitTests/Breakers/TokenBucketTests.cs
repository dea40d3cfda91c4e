using MarginBridge.Grains.Breakers;

namespace MarginBridge.UnitTests.Breakers;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OutflowsWithinCapacity_DoNotExceedIt()
    {
        var bucket = new TokenBucket(1_000, 10, Start);
        bucket.Take(600, Start);
        bucket.Take(400, Start);
        Assert.False(bucket.IsExceeded);
        Assert.Equal(0, bucket.Level);
    }

    [Fact]
    public void OutflowBeyondCapacity_ExceedsIt_UntilRefilledToZero()
    {
        var bucket = new TokenBucket(1_000, 10, Start);
        bucket.Take(1_050, Start);
        Assert.True(bucket.IsExceeded);

        bucket.Refill(Start.AddSeconds(4));
        Assert.True(bucket.IsExceeded);
        bucket.Refill(Start.AddSeconds(5));
        Assert.False(bucket.IsExceeded);
    }

    [Fact]
    public void Refill_NeverGoesAboveCapacity()
    {
        var bucket = new TokenBucket(1_000, 10, Start);
        bucket.Take(100, Start);
        bucket.Refill(Start.AddHours(1));
        Assert.Equal(1_000, bucket.Level);
    }
}
