using MarginBridge.Margin.Book;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Pricing;

namespace MarginBridge.Margin.Tests.Liquidation;

public sealed class OptionLiquidationTests
{
    private const long Now = 1_800_000_000;
    private static readonly LiquidationParameters Parameters = new();

    // 10 short ETH calls, strike 3,200, 30 days, σ 70 %.
    private static readonly OptionPosition ShortCalls = new(0, 0, OptionKind.Call, -10 * Scales.Quantity, 3_200 * Scales.Price, Now + (30 * Scales.SecondsPerDay), 0.7);

    [Fact]
    public void Mark_IsBlackScholesAtTheOracle_RoundedAgainstTheAccount()
    {
        var exact = BlackScholes.Price(OptionKind.Call, 3_450, 3_200, 30 / 365.0, 0, 0.7) * Scales.Price;
        var up = OptionLiquidation.Mark(ShortCalls, 3_450 * Scales.Price, 0, Now, roundUp: true);
        var down = OptionLiquidation.Mark(ShortCalls, 3_450 * Scales.Price, 0, Now, roundUp: false);
        Assert.Equal((long)Math.Ceiling(exact), up);
        Assert.Equal((long)Math.Floor(exact), down);
        Assert.InRange(up - down, 0, 1);
    }

    [Fact]
    public void AShortBuysBackOneBlocksShare_AtTheMarkRoundedUp_PayingTheFeeOnThePremium()
    {
        // Notional 10 × 3,450 = 34,500 USD: 10 % of it (3,450) is above the 1,000 USD minimum, so one contract.
        var (delta, price, fee) = OptionLiquidation.Plan(ShortCalls, 4_000 * Scales.Quote, 3_450 * Scales.Price, 0, Now, Parameters);
        Assert.Equal(Scales.Quantity, delta);
        Assert.Equal(OptionLiquidation.Mark(ShortCalls, 3_450 * Scales.Price, 0, Now, roundUp: true), price);
        var premium = (Int128)price * Scales.Quote / Scales.Price;
        Assert.Equal(premium * Parameters.MaxLiquidationFeePpm / Scales.Ppm, fee);
    }

    [Fact]
    public void TheFee_NeverExceedsTheEquityLeft_AndIsNothingBelowZero()
    {
        Assert.Equal((Int128)5, OptionLiquidation.Fee(Scales.Quantity, 400 * Scales.Price, 5, Parameters));
        Assert.Equal(Int128.Zero, OptionLiquidation.Fee(Scales.Quantity, 400 * Scales.Price, -100, Parameters));
    }

    [Fact]
    public void AnExpiredOption_IsMarkedAtItsIntrinsicValue()
    {
        var expired = ShortCalls with { ExpiryUnixSeconds = Now - 1 };
        Assert.Equal(250 * Scales.Price, OptionLiquidation.Mark(expired, 3_450 * Scales.Price, 0, Now, roundUp: true));
    }
}
