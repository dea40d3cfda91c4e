using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Silo.Api;

/// <summary>
/// The live account's margin: its collateral on every chain (soft-final balances at their layer
/// kind's pending share, money that left a chain gone at once) and its positions on every venue,
/// valued at the oracles' prices with the configured parameters, exactly as POST /margin/simulate
/// would value the same book.
/// </summary>
/// <param name="Margin">Null while an underlying of a position has no usable price (see <paramref name="Unpriced"/>).</param>
/// <param name="NotCounted">Balances and positions that add nothing, and why.</param>
/// <param name="Unpriced">Underlyings without a usable price; while any is listed nothing is decided on this account.</param>
public sealed record AccountMarginResponse(SimulationResponse? Margin, IReadOnlyList<string> NotCounted, IReadOnlyList<string> Unpriced)
{
    public static AccountMarginResponse From(AccountView view, MarginBridgeOptions options, MarginModel model, PriceBoard prices, long nowUnixSeconds, bool withGrid)
    {
        var book = LiveBook.Compile(view, options, model);
        var pricing = book.Reprice(prices);
        if (!pricing.IsPriced)
        {
            return new AccountMarginResponse(null, pricing.NotCounted, pricing.Unpriced);
        }

        var risks = new UnderlyingRisk[book.Underlyings.Count];
        var grid = withGrid ? new Int128[book.Underlyings.Count * model.ScenarioCount] : [];
        var margin = book.Evaluate(model, nowUnixSeconds, risks, grid);
        return new AccountMarginResponse(SimulationResponse.From(margin, book.Underlyings, risks, model, grid), pricing.NotCounted, pricing.Unpriced);
    }
}
