using MarginBridge.Margin.FixedPoint;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Margin.Changes;

/// <summary>
/// Which changes an account may make. Allowed when equity after ≥ IM after; below that only when the
/// change does not raise MM and does not lower equity ÷ MM — dYdX v4's
/// <c>IsValidStateTransitionForUndercollateralizedSubaccount</c> (x/subaccounts/lib/updates.go), with
/// the ratio compared by cross-multiplication as its <c>margin.Risk.Cmp</c> does, so an account can
/// always reduce risk.
/// </summary>
public static class MarginChangeRule
{
    public static ChangeDecision Decide(in AccountMargin before, in AccountMargin after)
    {
        if (after.Equity >= after.InitialRequirement)
        {
            return new ChangeDecision(ChangeVerdict.AllowedAboveInitial);
        }

        if (after.MaintenanceRequirement > before.MaintenanceRequirement)
        {
            return new ChangeDecision(ChangeVerdict.RefusedRaisesMaintenance);
        }

        if (after.MaintenanceRequirement == 0 || before.MaintenanceRequirement == 0)
        {
            return after.MaintenanceRequirement == 0 && before.MaintenanceRequirement == 0 && after.Equity > before.Equity
                ? new ChangeDecision(ChangeVerdict.AllowedReducesRisk)
                : new ChangeDecision(ChangeVerdict.RefusedNoRequirement);
        }

        // after is riskier when after.Equity / after.MM < before.Equity / before.MM (both MM > 0 here);
        // at an equal ratio the one with the higher MM is riskier, and after.MM ≤ before.MM already.
        var riskier = FixedPointMath.CompareProducts(
            after.Equity,
            (UInt128)before.MaintenanceRequirement,
            before.Equity,
            (UInt128)after.MaintenanceRequirement) < 0;
        return riskier
            ? new ChangeDecision(ChangeVerdict.RefusedLowersHealth)
            : new ChangeDecision(ChangeVerdict.AllowedReducesRisk);
    }
}
