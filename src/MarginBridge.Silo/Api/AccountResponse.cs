using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.Silo.Api;

/// <summary>
/// An account as the API shows it. Amounts are token base units as decimal strings (exact, unlike
/// JSON numbers); <c>decimals</c> says where the point goes for listed tokens.
/// </summary>
public sealed record AccountResponse(string Address, IReadOnlyList<BalanceResponse> Balances, IReadOnlyList<TotalResponse> Totals, int Deposits, int RevokedDeposits, AccountMarginResponse Margin)
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
            view.Deposits,
            view.RevokedDeposits,
            margin);
    }
}

public sealed record BalanceResponse(long ChainId, string Chain, string Token, string? Asset, int? Decimals, string Pending, string Final);

public sealed record TotalResponse(string Asset, int? Decimals, string Pending, string Final, string Total);
