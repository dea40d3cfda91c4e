using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.Silo.Api;

/// <summary>
/// An account as the API shows it. Amounts are token base units as decimal strings (exact, unlike
/// JSON numbers); <c>decimals</c> says where the point goes for listed tokens.
/// </summary>
/// <param name="Flag">The exposure index's verdict, re-decided on every price move of an asset the account depends on (quote units).</param>
/// <param name="Positions">Positions on every venue (sizes and prices 18-decimal, as venues report them).</param>
public sealed record AccountResponse(
    string Address,
    IReadOnlyList<BalanceResponse> Balances,
    IReadOnlyList<TotalResponse> Totals,
    IReadOnlyList<PositionResponse> Positions,
    int Deposits,
    int RevokedDeposits,
    SimulationResponse? Margin,
    MarginFlag? Flag,
    IReadOnlyList<string> NotCounted,
    IReadOnlyList<string> Unpriced)
{
    public static AccountResponse From(AccountView view, MarginBridgeOptions options, AccountMarginResponse margin)
    {
        var decimals = options.Chains.SelectMany(c => c.Tokens).GroupBy(t => t.Asset).ToDictionary(g => g.Key, g => g.First().Decimals);
        int? DecimalsOf(string? asset) => asset is not null && decimals.TryGetValue(asset, out var d) ? d : null;
        return new AccountResponse(
            view.Address,
            [.. view.Balances.Select(b => new BalanceResponse(
                b.ChainId, options.FindChain(b.ChainId)?.Name ?? b.ChainId.ToString(), b.Token, b.Asset, DecimalsOf(b.Asset), b.Pending.ToString(), b.Final.ToString()))],
            [.. view.Totals.Select(t => new TotalResponse(t.Asset, DecimalsOf(t.Asset), t.Pending.ToString(), t.Final.ToString(), (t.Pending + t.Final).ToString()))],
            [.. view.Positions.Select(p => PositionResponse.From(p, options))],
            view.Deposits,
            view.RevokedDeposits,
            margin.Margin,
            view.Flag,
            margin.NotCounted,
            margin.Unpriced);
    }
}

public sealed record BalanceResponse(long ChainId, string Chain, string Token, string? Asset, int? Decimals, string Pending, string Final);

public sealed record TotalResponse(string Asset, int? Decimals, string Pending, string Final, string Total);

/// <param name="Market">The market's configured id, or its bytes32 hex when it is not configured.</param>
public sealed record PositionResponse(
    long ChainId, string Chain, string Venue, string Market, string? Underlying, Instrument Instrument, string Size, string EntryPrice, string Strike, long Expiry, string RealizedPnl)
{
    public static PositionResponse From(VenuePosition p, MarginBridgeOptions options)
    {
        var market = options.Markets.Find(m => string.Equals(m.OnChainId, p.Market, StringComparison.OrdinalIgnoreCase));
        return new PositionResponse(
            p.ChainId, options.FindChain(p.ChainId)?.Name ?? p.ChainId.ToString(), p.Venue, market?.Id ?? p.Market, market?.Underlying,
            p.Instrument, p.Size.ToString(), p.EntryPrice.ToString(), p.Strike.ToString(), p.Expiry, p.RealizedPnl.ToString());
    }
}
