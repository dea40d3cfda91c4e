namespace MarginBridge.Cli.Bench;

/// <summary>Nearest-rank percentiles of measured samples.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
