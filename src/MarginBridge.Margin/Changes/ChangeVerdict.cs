namespace MarginBridge.Margin.Changes;

public enum ChangeVerdict
{
    /// <summary>Equity after the change covers the initial requirement after it.</summary>
    AllowedAboveInitial = 0,

    /// <summary>Below initial after the change, but the change lowers no part of the account's safety (dYdX's rule).</summary>
    AllowedReducesRisk = 1,

    /// <summary>Below initial after the change, and the maintenance requirement rises.</summary>
    RefusedRaisesMaintenance = 2,

    /// <summary>Below initial after the change, and equity ÷ maintenance falls.</summary>
    RefusedLowersHealth = 3,

    /// <summary>Below initial with no maintenance requirement before or after, and equity does not rise.</summary>
    RefusedNoRequirement = 4,
}
