using System.Globalization;
using MarginBridge.Margin;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Silo.Api;

/// <summary>
/// A book's margin, as POST /margin/simulate answers it for a what-if book and GET /accounts/{address}
/// for the live one (cash is the realized P&amp;L and option premiums settled at venues). Money is in USD as a decimal string
/// exact to the quote unit (1e-6 USD); quantities in whole units of the underlying.
/// </summary>
public sealed record SimulationResponse(
    string Equity,
    string CollateralValue,
    string PendingCollateralValue,
    string Cash,
    string UnrealizedPnl,
    string OptionValue,
    string InitialRequirement,
    string MaintenanceRequirement,
    string FreeCollateral,
    double? Health,
    bool MeetsInitial,
    bool Liquidatable,
    IReadOnlyList<UnderlyingRiskResponse> Underlyings,
    IReadOnlyList<ScenarioResponse> Scenarios)
{
    public static SimulationResponse From(AccountMargin margin, IReadOnlyList<string> names, ReadOnlySpan<UnderlyingRisk> risks, MarginModel model, ReadOnlySpan<Int128> gridPnl)
    {
        var scenarios = model.Scenarios;
        var underlyings = new List<UnderlyingRiskResponse>(names.Count);
        for (var u = 0; u < names.Count; u++)
        {
            var risk = risks[u];
            var grid = new List<string>();
            if (risk.Method == MarginMethod.Grid && !gridPnl.IsEmpty)
            {
                foreach (var pnl in gridPnl.Slice(u * scenarios.Length, scenarios.Length))
                {
                    grid.Add(Usd(pnl));
                }
            }

            underlyings.Add(new UnderlyingRiskResponse(
                names[u],
                risk.Method,
                Quantity(risk.NetPerpQuantity),
                Quantity(risk.OffsetPerpQuantity),
                Usd(risk.UnrealizedPnl),
                Usd(risk.OptionValue),
                Usd(risk.InitialRequirement),
                Usd(risk.MaintenanceRequirement),
                Usd(risk.BasisCharge),
                Usd(risk.Contingencies),
                risk.Method == MarginMethod.Grid ? risk.WorstScenario : null,
                Usd(risk.WorstScenarioLoss),
                risk.Delta,
                risk.Gamma,
                risk.Vega,
                risk.Theta,
                grid));
        }

        var scenarioList = new List<ScenarioResponse>(scenarios.Length);
        foreach (var s in scenarios)
        {
            scenarioList.Add(new ScenarioResponse(s.SpotMovePpm / 10_000.0, s.Vol, s.CoveredPpm / 10_000.0));
        }

        return new SimulationResponse(
            Usd(margin.Equity),
            Usd(margin.CollateralValue),
            Usd(margin.PendingCollateralValue),
            Usd(margin.Cash),
            Usd(margin.UnrealizedPnl),
            Usd(margin.OptionValue),
            Usd(margin.InitialRequirement),
            Usd(margin.MaintenanceRequirement),
            Usd(margin.FreeCollateral),
            double.IsFinite(margin.Health) ? Math.Round(margin.Health, 4) : null,
            margin.MeetsInitial,
            margin.IsLiquidatable,
            underlyings,
            scenarioList);
    }

    /// <summary>Quote units (1e-6 USD) as an exact decimal string.</summary>
    public static string Usd(Int128 quoteUnits) => Fixed(quoteUnits, Scales.Quote, 6);

    private static string Quantity(long units) => Fixed(units, Scales.Quantity, 8);

    private static string Fixed(Int128 value, long scale, int digits)
    {
        var sign = value < 0 ? "-" : string.Empty;
        var magnitude = value < 0 ? -value : value;
        var fraction = ((long)(magnitude % scale)).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        return $"{sign}{(magnitude / scale).ToString(CultureInfo.InvariantCulture)}.{fraction}";
    }
}

/// <param name="WorstScenario">Index into the response's scenarios; null for a tier-margined underlying.</param>
/// <param name="Grid">The counted P&amp;L of each scenario (USD), for a grid-margined underlying when the grid was asked for.</param>
public sealed record UnderlyingRiskResponse(
    string Underlying,
    MarginMethod Method,
    string NetPerpQuantity,
    string OffsetPerpQuantity,
    string UnrealizedPnl,
    string OptionValue,
    string InitialRequirement,
    string MaintenanceRequirement,
    string BasisCharge,
    string Contingencies,
    int? WorstScenario,
    string WorstScenarioLoss,
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    IReadOnlyList<string> Grid);

/// <param name="SpotMovePercent">E.g. −16 for a 16 % fall.</param>
/// <param name="CoveredPercent">100 for the regular grid; less for the dampened extreme moves.</param>
public sealed record ScenarioResponse(double SpotMovePercent, VolShock Vol, double CoveredPercent);
