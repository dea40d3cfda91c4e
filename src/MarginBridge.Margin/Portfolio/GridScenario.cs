namespace MarginBridge.Margin.Portfolio;

/// <summary>One scenario of the grid: a spot move, a vol shock, and the share of its P&amp;L that counts.</summary>
/// <param name="SpotMovePpm">Relative spot move, ppm (−160_000 is −16 %).</param>
/// <param name="Vol">Which vol shock applies (its size depends on each option's time to expiry).</param>
/// <param name="CoveredPpm">1e6 for the regular grid; the extreme moves count only a part of their loss.</param>
public readonly record struct GridScenario(int SpotMovePpm, VolShock Vol, int CoveredPpm)
{
    public bool IsExtreme => CoveredPpm != Scales.Ppm;
}
