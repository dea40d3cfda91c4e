using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Chains.Contracts;

namespace MarginBridge.Grains.Liquidations;

/// <summary>
/// One planned liquidation step before it is numbered: the position, the size change and price in the
/// venue's units, who pays, the fee to and deficit from the fund (quote units) and, for an
/// auto-deleveraging, the counterparty.
/// </summary>
internal sealed record LiquidationStep(
    VenuePosition Position, long Delta, long Price, LiquidationPayer PaidBy, Int128 FeeToFund, Int128 PaidByFund, string? Counterparty)
{
    /// <summary>The size change with the instruction's 18 decimals.</summary>
    public BigInteger SizeDelta => Delta * VenueScale.PerLibraryUnit;

    /// <summary>The price with the instruction's 18 decimals.</summary>
    public BigInteger InstructionPrice => Price * VenueScale.PerLibraryUnit;

    /// <summary>Whether <paramref name="order"/> is this step.</summary>
    public bool Matches(LiquidationOrder order) =>
        order.ChainId == Position.ChainId && order.Venue == Position.Venue && order.Market == Position.Market &&
        order.SizeDelta == SizeDelta && order.Price == InstructionPrice && order.PaidBy == PaidBy.ToString() &&
        order.FeeToFund == (BigInteger)FeeToFund && order.PaidByFund == (BigInteger)PaidByFund && order.Counterparty == Counterparty;
}
