namespace MarginBridge.Margin.Changes;

/// <summary>Whether a proposed change (withdrawal, move, position change) may go ahead, and why.</summary>
public readonly record struct ChangeDecision(ChangeVerdict Verdict)
{
    public bool Allowed => Verdict is ChangeVerdict.AllowedAboveInitial or ChangeVerdict.AllowedReducesRisk;

    public string Reason => Verdict switch
    {
        ChangeVerdict.AllowedAboveInitial => "equity after the change covers the initial requirement",
        ChangeVerdict.AllowedReducesRisk => "below the initial requirement, but the change lowers the maintenance requirement and not equity relative to it",
        ChangeVerdict.RefusedRaisesMaintenance => "below the initial requirement after the change, and the change raises the maintenance requirement",
        ChangeVerdict.RefusedLowersHealth => "below the initial requirement after the change, and the change lowers equity relative to the maintenance requirement",
        ChangeVerdict.RefusedNoRequirement => "below the initial requirement with no positions, and the change does not raise equity",
        _ => Verdict.ToString(),
    };
}
