using MarginBridge.Margin.Changes;
using MarginBridge.Margin.Portfolio;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Changes;

public sealed class MarginChangeRuleTests
{
    [Fact]
    public void Change_LeavingEquityAboveInitial_IsAllowed()
    {
        var decision = MarginChangeRule.Decide(Account(1_000, 200, 100), Account(800, 200, 100));

        Assert.True(decision.Allowed);
        Assert.Equal(ChangeVerdict.AllowedAboveInitial, decision.Verdict);
    }

    [Fact]
    public void ReducingAPosition_BelowInitial_IsAllowedBecauseItLowersRisk()
    {
        var decision = MarginChangeRule.Decide(Account(100, 200, 150), Account(100, 150, 100));

        Assert.Equal(ChangeVerdict.AllowedReducesRisk, decision.Verdict);
        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Withdrawal_BelowInitial_IsRefusedBecauseItLowersEquityOverMaintenance()
    {
        var decision = MarginChangeRule.Decide(Account(100, 200, 150), Account(90, 200, 150));

        Assert.Equal(ChangeVerdict.RefusedLowersHealth, decision.Verdict);
        Assert.False(decision.Allowed);
        Assert.Contains("lowers equity relative to the maintenance requirement", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_BelowInitialThatRaisesMaintenance_IsRefused() =>
        Assert.Equal(ChangeVerdict.RefusedRaisesMaintenance, MarginChangeRule.Decide(Account(100, 200, 150), Account(200, 260, 151)).Verdict);

    [Theory]
    [InlineData(100, 150, 50, 75, ChangeVerdict.AllowedReducesRisk)] // equal ratio, lower MM
    [InlineData(-50, 100, -40, 80, ChangeVerdict.AllowedReducesRisk)] // negative equity, equal ratio
    [InlineData(-50, 100, -45, 80, ChangeVerdict.RefusedLowersHealth)] // −45/80 < −50/100
    [InlineData(-10, 0, -5, 0, ChangeVerdict.AllowedReducesRisk)] // no positions: a deposit
    [InlineData(-10, 0, -20, 0, ChangeVerdict.RefusedNoRequirement)] // no positions: a withdrawal
    [InlineData(-10, 50, -5, 0, ChangeVerdict.RefusedNoRequirement)] // closing the last position at a loss while under water
    public void UnderCollateralizedChanges_FollowDydxRule(long equityBefore, long maintenanceBefore, long equityAfter, long maintenanceAfter, ChangeVerdict expected)
    {
        var before = Account(equityBefore, maintenanceBefore * 2, maintenanceBefore);
        var after = Account(equityAfter, Math.Max(maintenanceAfter * 2, equityAfter + 1), maintenanceAfter);

        Assert.Equal(expected, MarginChangeRule.Decide(before, after).Verdict);
    }

    [Fact]
    public void AccountBelowInitial_MayCloseHalfItsPerpButMayNotWithdraw()
    {
        var book = new TestBook().Usdc(400).Perp(Eth, 0, 10, 3_000);
        book.Markets[Eth] = book.Markets[Eth] with { Price = Px(2_980) };
        var before = book.Evaluate();
        Assert.False(before.MeetsInitial);

        var reduced = book.Clone();
        reduced.Perps[0] = reduced.Perps[0] with { Quantity = Qty(5) };
        reduced.Collateral[0] = reduced.Collateral[0] with { Amount = (UInt128)(400 - 100) * 1_000_000 }; // the loss on the closed half is realized
        var withdrawn = book.Clone();
        withdrawn.Collateral[0] = withdrawn.Collateral[0] with { Amount = 390 * 1_000_000UL };

        Assert.Equal(ChangeVerdict.AllowedReducesRisk, MarginChangeRule.Decide(before, reduced.Evaluate()).Verdict);
        Assert.Equal(ChangeVerdict.RefusedLowersHealth, MarginChangeRule.Decide(before, withdrawn.Evaluate()).Verdict);
    }

    private static AccountMargin Account(long equity, long initial, long maintenance) =>
        new() { CollateralValue = equity, InitialRequirement = initial, MaintenanceRequirement = maintenance, WorstUnderlying = -1 };
}
