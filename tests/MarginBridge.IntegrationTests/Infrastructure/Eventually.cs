namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>Awaits a condition on a running system instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(45));
        T last = await probe();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting until {what}; last value: {System.Text.Json.JsonSerializer.Serialize(last)}");
            }

            await Task.Delay(100);
            last = await probe();
        }

        return last;
    }
}
