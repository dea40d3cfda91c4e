using MarginBridge.Margin.Book;
using MarginBridge.Margin.FixedPoint;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Pricing;

namespace MarginBridge.Margin.Portfolio;

/// <summary>
/// The margin method of docs/margin.md with its parameters compiled once (scenarios, tier rates);
/// <see cref="Evaluate"/> then allocates nothing. Immutable and safe to share between threads.
/// </summary>
public sealed class MarginModel
{
    /// <summary>Most underlyings one book may have (the per-underlying scratch lives on the stack).</summary>
    public const int MaxUnderlyings = 64;

    private const ulong TwelveDigits = 1_000_000_000_000;

    /// <summary>Below 2^100 (quantity × price units), × a move in ppm (below 2^20) still fits an Int128.</summary>
    private static readonly Int128 SmallNotional = Int128.One << 100;

    /// <summary>Price (1e8) × two factors in basis points (1e8) to quote units (1e6).</summary>
    private const ulong CollateralDivisor = (ulong)(Scales.Price * Scales.Bps * Scales.Bps / Scales.Quote);

    private readonly GridScenario[] _scenarios;
    private readonly double[] _spotFactors;
    private readonly double[] _logSpotFactors;
    private readonly TierRates[] _tiers;
    private readonly int[] _pendingCountedBps;
    private readonly PortfolioParameters _grid;

    public MarginModel(MarginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = parameters.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid margin parameters: {string.Join("; ", errors)}", nameof(parameters));
        }

        Parameters = parameters;
        _grid = parameters.Portfolio;
        _scenarios = BuildScenarios(_grid);
        _spotFactors = new double[_scenarios.Length];
        _logSpotFactors = new double[_scenarios.Length];
        for (var s = 0; s < _scenarios.Length; s++)
        {
            _spotFactors[s] = 1 + ((double)_scenarios[s].SpotMovePpm / Scales.Ppm);
            _logSpotFactors[s] = Math.Log(_spotFactors[s]);
        }

        CenterScenario = ((_grid.SpotSteps / 2) * 3) + (int)VolShock.Unchanged;
        _tiers = new TierRates[parameters.Perpetuals.Tiers.Count];
        for (var i = 0; i < _tiers.Length; i++)
        {
            _tiers[i] = new TierRates(parameters.Perpetuals.Tiers[i], parameters.Perpetuals.BasisChargePpm);
        }

        _pendingCountedBps = new int[4];
        foreach (var kind in Enum.GetValues<LayerKind>())
        {
            _pendingCountedBps[(int)kind] = parameters.Collateral.PendingCountedBps.For(kind);
        }
    }

    public MarginParameters Parameters { get; }

    /// <summary>The grid: spot step i and vol shock v at index 3·i + v, then the extreme moves down and up.</summary>
    public ReadOnlySpan<GridScenario> Scenarios => _scenarios;

    public int ScenarioCount => _scenarios.Length;

    /// <summary>Spot and vol unchanged: its P&amp;L is zero, so a grid's worst loss is never negative.</summary>
    public int CenterScenario { get; }

    /// <summary>The index of a liquidity tier by name, for <see cref="UnderlyingMarket.TierIndex"/>; −1 when unknown.</summary>
    public int TierIndex(string name)
    {
        var tiers = Parameters.Perpetuals.Tiers;
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// ⌊amount × price × (1e4 − haircut) × counted ÷ (10^decimals × 1e8 × 1e4 × 1e4) × 1e6⌋ quote units,
    /// where counted is 1e4 for a hard-final balance and the layer kind's pending share otherwise. Exact:
    /// the only rounding is the final floor.
    /// </summary>
    public Int128 CollateralValue(in CollateralHolding holding)
    {
        if (holding.Price < 0 || holding.HaircutBps is < 0 or > (int)Scales.Bps || holding.Decimals > 36)
        {
            throw new ArgumentOutOfRangeException(nameof(holding), holding, "price, haircut or decimals out of range");
        }

        var counted = holding.IsFinal ? Scales.Bps : _pendingCountedBps[(int)holding.Layer];
        var factor = (UInt128)(ulong)holding.Price * (ulong)(Scales.Bps - holding.HaircutBps) * (ulong)counted;
        var decimalsHigh = Math.Max(holding.Decimals - 18, 0);
        var value = FixedPointMath.MulDiv(
            holding.Amount,
            factor,
            Pow10(holding.Decimals - decimalsHigh),
            Pow10(decimalsHigh),
            CollateralDivisor,
            roundUp: false);
        return (Int128)value;
    }

    /// <summary>
    /// Evaluates one account. <paramref name="underlyings"/> receives one entry per market (at least
    /// <c>book.Markets.Length</c> long); <paramref name="gridPnl"/>, if not empty, receives each
    /// grid-margined underlying's counted P&amp;L per scenario at [underlying × ScenarioCount + scenario]
    /// (zeros for the others).
    /// </summary>
    public AccountMargin Evaluate(scoped in AccountBook book, Span<UnderlyingRisk> underlyings, Span<Int128> gridPnl)
    {
        var markets = book.Markets;
        var count = markets.Length;
        var scenarioCount = _scenarios.Length;
        if (count > MaxUnderlyings)
        {
            throw new ArgumentException($"a book has at most {MaxUnderlyings} underlyings", nameof(book));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(underlyings.Length, count, nameof(underlyings));
        if (!gridPnl.IsEmpty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(gridPnl.Length, count * scenarioCount, nameof(gridPnl));
            gridPnl[..(count * scenarioCount)].Clear();
        }

        Int128 collateral = 0;
        Int128 pending = 0;
        foreach (ref readonly var holding in book.Collateral)
        {
            var value = CollateralValue(in holding);
            collateral += value;
            if (!holding.IsFinal)
            {
                pending += value;
            }
        }

        Span<Accumulator> totals = stackalloc Accumulator[count];
        totals.Clear();
        Span<double> optionPnl = stackalloc double[count * scenarioCount];
        optionPnl.Clear();
        AddPerps(book.Perps, markets, totals);
        AddOptions(book, totals, optionPnl);
        AddNakedShorts(book.Options, totals);

        Int128 unrealized = 0;
        Int128 optionValue = 0;
        Int128 initial = 0;
        Int128 maintenance = 0;
        var worstUnderlying = -1;
        Int128 worstLoss = -1;
        for (var u = 0; u < count; u++)
        {
            var risk = totals[u].HasOptions
                ? GridRisk(u, markets[u], in totals[u], optionPnl.Slice(u * scenarioCount, scenarioCount), gridPnl.IsEmpty ? default : gridPnl.Slice(u * scenarioCount, scenarioCount))
                : TierRisk(u, markets[u], in totals[u]);
            underlyings[u] = risk;
            unrealized += risk.UnrealizedPnl;
            optionValue += risk.OptionValue;
            initial += risk.InitialRequirement;
            maintenance += risk.MaintenanceRequirement;
            if (risk.Method == MarginMethod.Grid && risk.WorstScenarioLoss > worstLoss)
            {
                worstLoss = risk.WorstScenarioLoss;
                worstUnderlying = u;
            }
        }

        return new AccountMargin
        {
            CollateralValue = collateral,
            PendingCollateralValue = pending,
            Cash = book.Cash,
            UnrealizedPnl = unrealized,
            OptionValue = optionValue,
            InitialRequirement = initial,
            MaintenanceRequirement = maintenance,
            WorstUnderlying = worstUnderlying,
        };
    }

    private static void AddPerps(ReadOnlySpan<PerpPosition> perps, ReadOnlySpan<UnderlyingMarket> markets, Span<Accumulator> totals)
    {
        foreach (ref readonly var perp in perps)
        {
            var price = MarketOf(markets, perp.Underlying).Price;
            ref var total = ref totals[perp.Underlying];
            total.HasPositions = true;
            total.Net += perp.Quantity;
            if (perp.Quantity > 0)
            {
                total.Long += perp.Quantity;
            }
            else
            {
                total.Short -= perp.Quantity;
            }

            total.Unrealized += FloorDiv((Int128)perp.Quantity * ((Int128)price - perp.EntryPrice), Scales.NotionalDivisor);
        }
    }

    private void AddOptions(scoped in AccountBook book, Span<Accumulator> totals, Span<double> optionPnl)
    {
        var scenarioCount = _scenarios.Length;
        foreach (ref readonly var option in book.Options)
        {
            var market = MarketOf(book.Markets, option.Underlying);
            var spot = (double)market.Price / Scales.Price;
            var strike = (double)option.Strike / Scales.Price;
            var units = (double)option.Quantity / Scales.Quantity;
            var seconds = option.ExpiryUnixSeconds - book.NowUnixSeconds;
            var years = seconds / Scales.SecondsPerYear;
            var now = BlackScholes.Evaluate(option.Kind, spot, strike, years, market.Rate, option.Volatility);

            ref var total = ref totals[option.Underlying];
            total.HasPositions = true;
            total.HasOptions = true;
            total.OptionValueUsd += units * now.Price;
            total.Delta += units * now.Delta;
            total.Gamma += units * now.Gamma;
            total.Vega += units * now.Vega / 100;
            total.Theta += units * now.Theta / 365;

            var pnl = optionPnl.Slice(option.Underlying * scenarioCount, scenarioCount);
            if (seconds <= 0)
            {
                for (var s = 0; s < scenarioCount; s++)
                {
                    pnl[s] += units * (BlackScholes.Intrinsic(option.Kind, spot * _spotFactors[s], strike) - now.Price);
                }

                continue;
            }

            var reference = (double)_grid.VolShockReferenceDays * Scales.SecondsPerDay;
            var power = seconds <= reference ? _grid.ShortTermPower : _grid.LongTermPower;
            var scale = Math.Pow(reference / Math.Max(seconds, _grid.VolShockFloorSeconds), power);
            var sqrtYears = Math.Sqrt(years);
            var deviationUp = option.Volatility * (1 + (_grid.VolRangeUp * scale)) * sqrtYears;
            var deviation = option.Volatility * sqrtYears;
            var deviationDown = option.Volatility * Math.Max(0, 1 - (_grid.VolRangeDown * scale)) * sqrtYears;
            var logMoneyness = Math.Log(spot / strike) + (market.Rate * years);
            var discountedStrike = strike * Math.Exp(-market.Rate * years);
            for (var s = 0; s < scenarioCount; s++)
            {
                if (s == CenterScenario)
                {
                    continue;
                }

                var scenario = _scenarios[s];
                var shockedDeviation = scenario.Vol switch
                {
                    VolShock.Up => deviationUp,
                    VolShock.Down => deviationDown,
                    _ => deviation,
                };
                var price = ShockedPrice(option.Kind, spot * _spotFactors[s], logMoneyness + _logSpotFactors[s], discountedStrike, shockedDeviation);
                pnl[s] += units * (price - now.Price);
            }
        }
    }

    /// <summary>
    /// Naked short options per underlying: per expiry and strike, calls and puts of every venue
    /// together, the net short quantity (Deribit's "net short option per strike", Derive's option contingency).
    /// </summary>
    private static void AddNakedShorts(ReadOnlySpan<OptionPosition> options, Span<Accumulator> totals)
    {
        for (var i = 0; i < options.Length; i++)
        {
            var first = true;
            for (var j = 0; j < i && first; j++)
            {
                first = !SameStrike(options[i], options[j]);
            }

            if (!first)
            {
                continue;
            }

            Int128 net = options[i].Quantity;
            for (var j = i + 1; j < options.Length; j++)
            {
                if (SameStrike(options[i], options[j]))
                {
                    net += options[j].Quantity;
                }
            }

            if (net < 0)
            {
                totals[options[i].Underlying].NakedShort -= net;
            }
        }
    }

    /// <summary>
    /// Only perpetuals: MM = ⌈(|N|·IMF_base·MMF + O·b) × price⌉ and IM = ⌈|N|·price·IMF(OI)⌉ + ⌈O·price·b⌉,
    /// with N the net quantity, O the offset quantity and b = min(basis charge, IMF_base·MMF).
    /// </summary>
    private UnderlyingRisk TierRisk(int index, UnderlyingMarket market, in Accumulator total)
    {
        if (!total.HasPositions)
        {
            return Positions(index, MarginMethod.None, in total);
        }

        var tier = TierOf(market);
        var price = (UInt128)(ulong)market.Price;
        var net = Magnitude(total.Net);
        var offset = Offset(total);
        var maintenance = Charge((net * tier.Maintenance12) + (offset * tier.Basis12), price, TwelveDigits);
        var tierMaintenance = Charge(net * tier.Maintenance12, price, TwelveDigits);
        var initial = InitialTierRequirement(tier, net * price, market) + Charge(offset * tier.Basis12, price, TwelveDigits);
        return Positions(index, MarginMethod.Tier, in total) with
        {
            InitialRequirement = (Int128)initial,
            MaintenanceRequirement = (Int128)maintenance,
            BasisCharge = (Int128)(maintenance - tierMaintenance),
            Contingencies = (Int128)(maintenance - tierMaintenance),
            Delta = (double)total.Net / Scales.Quantity,
        };
    }

    /// <summary>
    /// dYdX's open-interest IMF: base below the lower cap, 100 % from the upper cap, linear between
    /// (x/perpetuals/types/liquidity_tier.go), taken as one exact fraction and rounded up once.
    /// </summary>
    private static UInt128 InitialTierRequirement(TierRates tier, UInt128 netTimesPrice, UnderlyingMarket market)
    {
        var openNotional = FixedPointMath.NotionalUp(market.OpenInterest, market.Price);
        var notionalDivisor = (ulong)Scales.NotionalDivisor;
        if (tier.UpperCap == 0 || openNotional <= tier.LowerCap)
        {
            return FixedPointMath.MulDiv(netTimesPrice, tier.InitialPpm, notionalDivisor, (ulong)Scales.Ppm, 1, roundUp: true);
        }

        if (openNotional >= tier.UpperCap)
        {
            return FixedPointMath.MulDiv(netTimesPrice, 1, notionalDivisor, roundUp: true);
        }

        var span = tier.UpperCap - tier.LowerCap;
        var fraction = (tier.InitialPpm * span) + (((UInt128)(ulong)Scales.Ppm - tier.InitialPpm) * (openNotional - tier.LowerCap));
        return FixedPointMath.MulDiv(netTimesPrice, fraction, notionalDivisor, (ulong)Scales.Ppm, (ulong)span, roundUp: true);
    }

    private UnderlyingRisk GridRisk(int index, UnderlyingMarket market, in Accumulator total, ReadOnlySpan<double> optionPnl, Span<Int128> counted)
    {
        var tier = TierOf(market);
        var price = (UInt128)(ulong)market.Price;
        var netNotional = (Int128)total.Net * market.Price;
        var worst = CenterScenario;
        Int128 worstPnl = 0;
        for (var s = 0; s < _scenarios.Length; s++)
        {
            var scenario = _scenarios[s];
            var pnl = PerpScenarioPnl(netNotional, scenario.SpotMovePpm) + FixedPointMath.UsdToUnitsFloor(optionPnl[s]);
            if (scenario.IsExtreme)
            {
                pnl = FixedPointMath.MulDivFloor(pnl, (UInt128)scenario.CoveredPpm, (ulong)Scales.Ppm, 1);
            }

            if (!counted.IsEmpty)
            {
                counted[s] = pnl;
            }

            if (pnl < worstPnl)
            {
                worstPnl = pnl;
                worst = s;
            }
        }

        var basis = Charge(Offset(total) * tier.Basis12, price, TwelveDigits);
        var nakedShorts = Charge((UInt128)total.NakedShort * (ulong)_grid.NakedShortOptionContingencyPpm, price, (ulong)Scales.Ppm);
        var perps = Charge(Magnitude(total.Net) * (ulong)_grid.PerpContingencyPpm, price, (ulong)Scales.Ppm);
        var contingencies = (Int128)(basis + nakedShorts + perps);
        var maintenance = -worstPnl + contingencies;
        var initial = (Int128)FixedPointMath.MulDiv((UInt128)maintenance, (ulong)_grid.InitialMarginFactorPpm, (ulong)Scales.Ppm, roundUp: true);
        return Positions(index, MarginMethod.Grid, in total) with
        {
            OptionValue = FixedPointMath.UsdToUnitsFloor(total.OptionValueUsd),
            InitialRequirement = initial,
            MaintenanceRequirement = maintenance,
            BasisCharge = (Int128)basis,
            Contingencies = contingencies,
            WorstScenario = worst,
            WorstScenarioLoss = -worstPnl,
            Delta = total.Delta + ((double)total.Net / Scales.Quantity),
            Gamma = total.Gamma,
            Vega = total.Vega,
            Theta = total.Theta,
        };
    }

    /// <summary>⌈quantity·rate × price ÷ (1e10 × rateScale)⌉: a charge at a rate on a notional, rounded up.</summary>
    private static UInt128 Charge(UInt128 quantityTimesRate, UInt128 price, ulong rateScale) =>
        FixedPointMath.MulDiv(quantityTimesRate, price, (ulong)Scales.NotionalDivisor, rateScale, 1, roundUp: true);

    /// <summary>What both methods report of an underlying's positions.</summary>
    private static UnderlyingRisk Positions(int index, MarginMethod method, in Accumulator total) => new()
    {
        Underlying = index,
        Method = method,
        NetPerpQuantity = (long)total.Net,
        OffsetPerpQuantity = (long)Offset(total),
        UnrealizedPnl = total.Unrealized,
        WorstScenario = -1,
    };

    private static UInt128 Offset(in Accumulator total) => (UInt128)Int128.Min(total.Long, total.Short);

    /// <summary>⌊net × price × move⌋ in quote units; one Int128 division unless the notional is beyond any real book.</summary>
    private static Int128 PerpScenarioPnl(Int128 netNotional, int movePpm)
    {
        if (netNotional == 0 || movePpm == 0)
        {
            return 0;
        }

        if (Int128.Abs(netNotional) < SmallNotional)
        {
            return FloorDiv(netNotional * movePpm, Scales.NotionalDivisor * Scales.Ppm);
        }

        return FixedPointMath.MulDivFloor(movePpm < 0 ? -netNotional : netNotional, (UInt128)Math.Abs(movePpm), (ulong)Scales.NotionalDivisor, (ulong)Scales.Ppm);
    }

    /// <summary>Black-Scholes price from precomputed ln(S/K) + rT and K·e^(−rT): two Φ, one exponential and no logarithm per scenario.</summary>
    private static double ShockedPrice(OptionKind kind, double spot, double logMoneyness, double discountedStrike, double deviation)
    {
        if (deviation <= 1e-12)
        {
            return BlackScholes.Intrinsic(kind, spot, discountedStrike);
        }

        var d1 = (logMoneyness / deviation) + (0.5 * deviation);
        var d2 = d1 - deviation;
        var density1 = Math.Exp(-0.5 * d1 * d1);
        var density2 = density1 * spot / discountedStrike;
        return kind == OptionKind.Call
            ? (spot * NormalDistribution.CdfWithDensity(d1, density1)) - (discountedStrike * NormalDistribution.CdfWithDensity(d2, density2))
            : (discountedStrike * NormalDistribution.CdfWithDensity(-d2, density2)) - (spot * NormalDistribution.CdfWithDensity(-d1, density1));
    }

    private static GridScenario[] BuildScenarios(PortfolioParameters grid)
    {
        var extremes = grid.ExtremeMovePpm == 0 ? 0 : 2;
        var scenarios = new GridScenario[(grid.SpotSteps * 3) + extremes];
        var half = grid.SpotSteps - 1;
        for (var i = 0; i < grid.SpotSteps; i++)
        {
            var move = (int)((long)grid.SpotRangePpm * ((2 * i) - half) / half);
            for (var v = 0; v < 3; v++)
            {
                scenarios[(i * 3) + v] = new GridScenario(move, (VolShock)v, (int)Scales.Ppm);
            }
        }

        if (extremes > 0)
        {
            scenarios[^2] = new GridScenario(-grid.ExtremeMovePpm, VolShock.Up, grid.ExtremeCoveredPpm);
            scenarios[^1] = new GridScenario(grid.ExtremeMovePpm, VolShock.Up, grid.ExtremeCoveredPpm);
        }

        return scenarios;
    }

    private TierRates TierOf(UnderlyingMarket market) =>
        (uint)market.TierIndex < (uint)_tiers.Length
            ? _tiers[market.TierIndex]
            : throw new ArgumentOutOfRangeException(nameof(market), market.TierIndex, "no such liquidity tier");

    private static UnderlyingMarket MarketOf(ReadOnlySpan<UnderlyingMarket> markets, int underlying)
    {
        if ((uint)underlying >= (uint)markets.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(underlying), underlying, "a position names an underlying the book has no market for");
        }

        var market = markets[underlying];
        return market.Price > 0 && market.OpenInterest >= 0
            ? market
            : throw new ArgumentOutOfRangeException(nameof(markets), market, "a market needs a positive price and no negative open interest");
    }

    private static bool SameStrike(in OptionPosition a, in OptionPosition b) =>
        a.Underlying == b.Underlying && a.Strike == b.Strike && a.ExpiryUnixSeconds == b.ExpiryUnixSeconds;

    private static UInt128 Magnitude(Int128 value) => (UInt128)(value < 0 ? -value : value);

    private static Int128 FloorDiv(Int128 value, long divisor)
    {
        var quotient = value / divisor;
        return value < 0 && quotient * divisor != value ? quotient - 1 : quotient;
    }

    private static ulong Pow10(int exponent)
    {
        var result = 1UL;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    /// <summary>A tier's rates in the units the requirements are taken in: ppm, and ppm × ppm (1e-12).</summary>
    private readonly struct TierRates(LiquidityTier tier, int basisChargePpm)
    {
        public UInt128 InitialPpm { get; } = (ulong)tier.InitialMarginPpm;

        public UInt128 Maintenance12 { get; } = (UInt128)(ulong)tier.InitialMarginPpm * (ulong)tier.MaintenanceFractionPpm;

        public UInt128 Basis12 { get; } = UInt128.Min((UInt128)(ulong)basisChargePpm * (ulong)Scales.Ppm, (UInt128)(ulong)tier.InitialMarginPpm * (ulong)tier.MaintenanceFractionPpm);

        public UInt128 LowerCap { get; } = (ulong)tier.OpenInterestLowerCap;

        public UInt128 UpperCap { get; } = (ulong)tier.OpenInterestUpperCap;
    }

    /// <summary>What one pass over the positions gathers per underlying.</summary>
    private struct Accumulator
    {
        public bool HasPositions;
        public bool HasOptions;
        public Int128 Net;
        public Int128 Long;
        public Int128 Short;
        public Int128 Unrealized;
        public Int128 NakedShort;
        public double OptionValueUsd;
        public double Delta;
        public double Gamma;
        public double Vega;
        public double Theta;
    }
}
