using System.Numerics;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Pricing;

namespace MarginBridge.Margin.Liquidation;

/// <summary>
/// Liquidating an option position of an account below maintenance. dYdX has no options; Deribit
/// closes them at mark with a fee. So do we: one block's share of the contracts (the perpetual rule
/// on the underlying's notional), at the Black-Scholes mark at the oracle price — rounded against the
/// account: a short buys back at the mark rounded up, a long sells at it rounded down — with the
/// maximum liquidation fee of the premium closed to the venue chain's insurance fund, never more
/// than the equity left. Closing at mark moves no equity by itself, so there is no bankruptcy price
/// and no deficit to cover.
/// </summary>
public static class OptionLiquidation
{
    private static readonly BigInteger NotionalDivisor = Scales.NotionalDivisor;

    /// <summary>The option's value per unit of the underlying at <paramref name="spot"/>, USD × 1e8, rounded up or down.</summary>
    public static long Mark(in OptionPosition option, long spot, double rate, long nowUnixSeconds, bool roundUp)
    {
        var years = Math.Max(option.ExpiryUnixSeconds - nowUnixSeconds, 0) / Scales.SecondsPerYear;
        var value = BlackScholes.Price(option.Kind, (double)spot / Scales.Price, (double)option.Strike / Scales.Price, years, rate, option.Volatility) * Scales.Price;
        return (long)(roundUp ? Math.Ceiling(value) : Math.Floor(value));
    }

    /// <summary>The signed change of the position this block, the price it closes at, and the fee to the fund (quote units).</summary>
    public static (long DeltaQuantity, long Price, Int128 Fee) Plan(in OptionPosition option, Int128 equity, long spot, double rate, long nowUnixSeconds, LiquidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var delta = LiquidationMath.PositionDeltaThisBlock(new LiquidationInput(equity, 1, option.Quantity, spot, 0, 0, 0), parameters);
        var price = Mark(option, spot, rate, nowUnixSeconds, roundUp: option.Quantity < 0);
        return (delta, price, Fee(delta, price, equity, parameters));
    }

    /// <summary>The maximum liquidation fee of the premium a close of <paramref name="deltaQuantity"/> at <paramref name="price"/> moves, within the positive equity.</summary>
    public static Int128 Fee(long deltaQuantity, long price, Int128 equity, LiquidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var premium = BigInteger.Abs(deltaQuantity) * price / NotionalDivisor;
        var fee = (Int128)(premium * parameters.MaxLiquidationFeePpm / Scales.Ppm);
        return Int128.Min(fee, Int128.Max(equity, 0));
    }
}
