using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// One position: the state folded from its hard-final reports, and the reports since then in chain
/// order, which a reorg may still take back. The current position folds both.
/// </summary>
[GenerateSerializer]
public sealed class PositionHistory
{
    [Id(0)]
    public VenuePosition Final { get; set; } = null!;

    [Id(1)]
    public List<PositionChange> Soft { get; set; } = [];

    public VenuePosition Current => Soft.Aggregate(Final, (position, change) => position.Apply(change));

    /// <summary>Applies one update; false when it changes nothing (already seen, or a stale revocation).</summary>
    public bool Apply(FinalityChange change, PositionChange report)
    {
        var index = Soft.FindIndex(s => s.Key == report.Key);
        switch (change)
        {
            case FinalityChange.Observed when index < 0 && report.Position.CompareTo(Final.LastReport) > 0:
                var at = Soft.FindIndex(s => s.Position.CompareTo(report.Position) > 0);
                Soft.Insert(at < 0 ? Soft.Count : at, report);
                return true;
            case FinalityChange.HardFinal when index >= 0:
                // Reports before it are on the same chain below it, so hard-final too.
                Final = Soft.Take(index + 1).Aggregate(Final, (position, c) => position.Apply(c));
                Soft.RemoveRange(0, index + 1);
                return true;
            case FinalityChange.Revoked when index >= 0 && Soft[index].BlockHash == report.BlockHash:
                Soft.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }
}
