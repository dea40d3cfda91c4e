using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Margin;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.FixedPoint;
using MarginBridge.Margin.Portfolio;

namespace MarginBridge.Silo.Api;

/// <summary>
/// The account's margin from its collateral on every chain, valued at the oracles' prices with the
/// configured haircuts; soft-final balances count only their layer kind's pending share, and money
/// that left a chain counts as gone at once. Positions on venues are not ingested yet, so the
/// requirements are zero until they are. USD decimal strings, exact to 1e-6.
/// </summary>
/// <param name="NotCounted">Balances that add nothing, and why (no price, not a collateral token).</param>
public sealed record AccountMarginResponse(
    string CollateralValue,
    string PendingCollateralValue,
    string Equity,
    string InitialRequirement,
    string MaintenanceRequirement,
    string FreeCollateral,
    double? Health,
    IReadOnlyList<string> NotCounted)
{
    /// <summary>The asset whose unit is the margin method's quote unit: priced at par without a feed.</summary>
    public const string QuoteAsset = "USDC";

    public static AccountMarginResponse From(AccountView view, MarginBridgeOptions options, MarginModel model, IReadOnlyDictionary<string, PriceStatus> prices, long nowUnixSeconds)
    {
        var holdings = new List<CollateralHolding>();
        var notCounted = new List<string>();
        foreach (var balance in view.Balances)
        {
            var chain = options.FindChain(balance.ChainId);
            var token = chain?.FindToken(balance.Token);
            var where = $"{balance.Asset ?? balance.Token} on {chain?.Name ?? balance.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            if (chain is null || token is null || !model.Parameters.Collateral.TokenHaircutBps.TryGetValue(token.Asset, out var haircut))
            {
                notCounted.Add($"{where}: not a collateral token");
                continue;
            }

            var price = PriceOf(token.Asset, prices, out var unpriced);
            if (price is null)
            {
                notCounted.Add($"{where}: {unpriced}");
                continue;
            }

            // A debit still soft-final reduces the final balance at once; only credits wait for finality.
            var final = balance.Final + BigInteger.Min(balance.Pending, BigInteger.Zero);
            var pending = BigInteger.Max(balance.Pending, BigInteger.Zero);
            foreach (var (amount, isFinal) in new[] { (final, true), (pending, false) })
            {
                if (amount <= 0)
                {
                    continue;
                }

                if (FixedPointMath.TryFromBigInteger(amount, where, out var units, out var error))
                {
                    holdings.Add(new CollateralHolding(units, price.Value, (byte)token.Decimals, haircut, (LayerKind)chain.Kind, isFinal));
                }
                else
                {
                    notCounted.Add(error!.ToString());
                }
            }
        }

        var book = new AccountBook([], [.. holdings], [], [], nowUnixSeconds);
        var margin = model.Evaluate(in book, [], []);
        return new AccountMarginResponse(
            SimulationResponse.Usd(margin.CollateralValue),
            SimulationResponse.Usd(margin.PendingCollateralValue),
            SimulationResponse.Usd(margin.Equity),
            SimulationResponse.Usd(margin.InitialRequirement),
            SimulationResponse.Usd(margin.MaintenanceRequirement),
            SimulationResponse.Usd(margin.FreeCollateral),
            double.IsFinite(margin.Health) ? Math.Round(margin.Health, 4) : null,
            notCounted);
    }

    /// <summary>USD × 1e8: par for the quote asset, else the oracle's price unless it is stale or unread.</summary>
    private static long? PriceOf(string asset, IReadOnlyDictionary<string, PriceStatus> prices, out string? unpriced)
    {
        unpriced = null;
        if (asset == QuoteAsset)
        {
            return Scales.Price;
        }

        if (!prices.TryGetValue(asset, out var status) || status.Price <= 0)
        {
            unpriced = "no price (no feed for the asset, or not read yet)";
            return null;
        }

        if (status.Stale is { } stale)
        {
            unpriced = $"its price is stale: {stale}";
            return null;
        }

        return status.Price;
    }
}
