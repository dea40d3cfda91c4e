using System.Numerics;
using MarginBridge.Margin.Parameters;

namespace MarginBridge.Margin.Liquidation;

/// <summary>
/// dYdX v4's liquidation arithmetic (x/clob/keeper/liquidations.go) for one position of a shared
/// account, with one insurance fund per chain. This runs once per liquidation, not per evaluation:
/// it takes its exact rationals in <see cref="BigInteger"/>.
/// </summary>
public static class LiquidationMath
{
    private static readonly BigInteger NotionalDivisor = Scales.NotionalDivisor;
    private static readonly BigInteger Million = Scales.Ppm;

    /// <summary>
    /// The signed delta liquidated this block: the whole position when its notional is within the
    /// limit, else max(min-notional, portion × notional), capped by what is left of the account's block limit.
    /// </summary>
    public static long PositionDeltaThisBlock(in LiquidationInput input, LiquidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (input.PositionQuantity == 0)
        {
            return 0;
        }

        var size = BigInteger.Abs(input.PositionQuantity);
        var notional = size * input.OraclePrice / NotionalDivisor;
        var perPosition = BigInteger.Max(
            BigInteger.Min(parameters.MinPositionNotionalLiquidated, notional),
            notional * parameters.MaxPositionPortionLiquidatedPpm / Million);
        var left = BigInteger.Max((BigInteger)(parameters.MaxNotionalLiquidatedPerBlock - input.NotionalLiquidatedThisBlock), BigInteger.Zero);
        var limit = BigInteger.Min(perPosition, left);
        if (limit.IsZero)
        {
            return 0;
        }

        var quantity = notional <= limit
            ? size
            : BigInteger.Clamp(limit * NotionalDivisor / input.OraclePrice, BigInteger.One, size);
        return input.PositionQuantity > 0 ? -(long)quantity : (long)quantity;
    }

    /// <summary>
    /// −ΔNotional − equity × |ΔMM| ÷ MM, rounded toward +∞ (so closing at it needs no fund payment),
    /// with ΔMM = PMMR × |Δ| ÷ |PS| as one exact fraction.
    /// </summary>
    public static Int128 BankruptcyQuote(in LiquidationInput input, long deltaQuantity)
    {
        ValidateDelta(input, deltaQuantity);
        var size = BigInteger.Abs(input.PositionQuantity);
        var maintenance = (BigInteger)input.Maintenance;
        var numerator = (-(BigInteger)deltaQuantity * input.OraclePrice * size * maintenance)
            - ((BigInteger)input.Equity * (BigInteger)input.PositionMaintenance * BigInteger.Abs(deltaQuantity) * NotionalDivisor);
        return (Int128)CeilingDiv(numerator, NotionalDivisor * size * maintenance);
    }

    /// <summary>
    /// (PNNV − ABR × SMMR × PMMR) ÷ PS with ABR = clamp(BA × (1 − equity ÷ MM), 0, 1): the oracle
    /// price when equity is at MM, moving away from it (down for a long) as equity falls. Rounded toward the oracle.
    /// </summary>
    public static long FillablePrice(in LiquidationInput input, LiquidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Maintenance);
        ArgumentOutOfRangeException.ThrowIfZero(input.PositionQuantity);
        var maintenance = (BigInteger)input.Maintenance;
        var shortfall = maintenance - (BigInteger)input.Equity;
        BigInteger abrNumerator;
        BigInteger abrDenominator;
        if (shortfall.Sign <= 0)
        {
            abrNumerator = 0;
            abrDenominator = 1;
        }
        else if (parameters.BankruptcyAdjustmentPpm * shortfall >= Million * maintenance)
        {
            abrNumerator = 1;
            abrDenominator = 1;
        }
        else
        {
            abrNumerator = parameters.BankruptcyAdjustmentPpm * shortfall;
            abrDenominator = Million * maintenance;
        }

        var offset = abrNumerator * parameters.SpreadToMaintenanceMarginRatioPpm * (BigInteger)input.PositionMaintenance * NotionalDivisor
            / (abrDenominator * Million * BigInteger.Abs(input.PositionQuantity));
        return input.PositionQuantity > 0
            ? (long)BigInteger.Max(input.OraclePrice - offset, BigInteger.Zero)
            : (long)(input.OraclePrice + offset);
    }

    /// <summary>Quote the account receives (negative: pays) for changing its position by <paramref name="deltaQuantity"/> at <paramref name="price"/>, rounded down.</summary>
    public static Int128 QuoteAtPrice(long deltaQuantity, long price) =>
        (Int128)FloorDiv(-(BigInteger)deltaQuantity * price, NotionalDivisor);

    /// <summary>
    /// dYdX's insurance-fund delta: positive, the fee the account pays the fund, min(max fee × |quote|,
    /// what is left above bankruptcy); negative, the deficit the fund must cover.
    /// </summary>
    public static Int128 InsuranceFundDelta(Int128 quoteAtFill, Int128 bankruptcyQuote, LiquidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var delta = quoteAtFill - bankruptcyQuote;
        if (delta <= 0)
        {
            return delta;
        }

        var maxFee = (Int128)(BigInteger.Abs((BigInteger)quoteAtFill) * parameters.MaxLiquidationFeePpm / Million);
        return Int128.Min(maxFee, delta);
    }

    /// <summary>
    /// One block's liquidation of the position: the delta, the fillable price, and who pays — the account
    /// (a fee to <paramref name="fund"/>), <paramref name="fund"/> (the deficit, within its balance and the
    /// block's insurance limit), or, when that fund cannot, auto-deleveraging at the bankruptcy price.
    /// Never another chain's fund.
    /// </summary>
    public static LiquidationPlan Plan(in LiquidationInput input, InsuranceFund fund, LiquidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var delta = PositionDeltaThisBlock(input, parameters);
        if (delta == 0)
        {
            return new LiquidationPlan(0, input.OraclePrice, 0, 0, input.OraclePrice, 0, 0, fund.ChainId, LiquidationPayer.Nobody, 0);
        }

        var bankruptcyQuote = BankruptcyQuote(input, delta);
        var bankruptcyPrice = PriceOf(bankruptcyQuote, delta);
        var fillable = FillablePrice(input, parameters);
        var quote = QuoteAtPrice(delta, fillable);
        var fundDelta = InsuranceFundDelta(quote, bankruptcyQuote, parameters);
        if (fundDelta >= 0)
        {
            return new LiquidationPlan(delta, fillable, quote, bankruptcyQuote, bankruptcyPrice, fundDelta, 0, fund.ChainId, LiquidationPayer.Account, 0);
        }

        var deficit = -fundDelta;
        var insuranceLeft = parameters.MaxInsuranceLostPerBlock - input.InsuranceLostThisBlock;
        return deficit <= fund.Balance && deficit <= insuranceLeft
            ? new LiquidationPlan(delta, fillable, quote, bankruptcyQuote, bankruptcyPrice, 0, deficit, fund.ChainId, LiquidationPayer.InsuranceFund, 0)
            : new LiquidationPlan(delta, bankruptcyPrice, QuoteAtPrice(delta, bankruptcyPrice), bankruptcyQuote, bankruptcyPrice, 0, 0, fund.ChainId, LiquidationPayer.AutoDeleveraging, delta);
    }

    /// <summary>The per-unit price of a quote for a delta, rounded in the fund's favour: up when the account sells, down when it buys.</summary>
    private static long PriceOf(Int128 quote, long deltaQuantity)
    {
        var numerator = (BigInteger)quote * NotionalDivisor;
        var size = BigInteger.Abs(deltaQuantity);
        return deltaQuantity < 0
            ? (long)BigInteger.Max(CeilingDiv(numerator, size), BigInteger.Zero)
            : (long)BigInteger.Max(FloorDiv(-numerator, size), BigInteger.Zero);
    }

    private static void ValidateDelta(in LiquidationInput input, long deltaQuantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Maintenance);
        if (Math.Sign(deltaQuantity) != -Math.Sign(input.PositionQuantity) || BigInteger.Abs(deltaQuantity) > BigInteger.Abs(input.PositionQuantity))
        {
            throw new ArgumentOutOfRangeException(nameof(deltaQuantity), deltaQuantity, "a liquidation delta reduces the position and does not flip it");
        }
    }

    private static BigInteger FloorDiv(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        return remainder.Sign != 0 && (remainder.Sign < 0) != (denominator.Sign < 0) ? quotient - 1 : quotient;
    }

    private static BigInteger CeilingDiv(BigInteger numerator, BigInteger denominator) => -FloorDiv(-numerator, denominator);
}
