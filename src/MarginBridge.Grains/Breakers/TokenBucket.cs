namespace MarginBridge.Grains.Breakers;

/// <summary>
/// A token bucket of whole token units: it refills at <see cref="PerSecond"/> up to
/// <see cref="Capacity"/>; outflows take from it and may drive it below zero, which is the signal
/// (the outflow exceeded the limit); it is over once the bucket has refilled to zero.
/// </summary>
public sealed class TokenBucket(decimal capacity, decimal perSecond, DateTimeOffset now)
{
    public decimal Capacity { get; } = capacity;

    public decimal PerSecond { get; } = perSecond;

    public decimal Level { get; private set; } = capacity;

    public DateTimeOffset At { get; private set; } = now;

    public bool IsExceeded => Level < 0;

    public void Refill(DateTimeOffset now)
    {
        if (now > At)
        {
            Level = Math.Min(Capacity, Level + (PerSecond * (decimal)(now - At).TotalSeconds));
            At = now;
        }
    }

    public void Take(decimal units, DateTimeOffset now)
    {
        Refill(now);
        Level -= units;
    }
}
