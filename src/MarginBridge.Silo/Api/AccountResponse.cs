using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Silo.Api;

/// <summary>An account as the API shows it. Amounts are token base units as decimal strings (exact, unlike JSON numbers).</summary>
public sealed record AccountResponse(string Address, IReadOnlyList<BalanceResponse> Balances, IReadOnlyList<TotalResponse> Totals, int Deposits, int RevokedDeposits)
{
    public static AccountResponse From(AccountView view, Func<long, string> chainName) => new(
        view.Address,
        [.. view.Balances.Select(b => new BalanceResponse(b.ChainId, chainName(b.ChainId), b.Token, b.Asset, b.Pending.ToString(), b.Final.ToString()))],
        [.. view.Totals.Select(t => new TotalResponse(t.Asset, t.Pending.ToString(), t.Final.ToString(), (t.Pending + t.Final).ToString()))],
        view.Deposits,
        view.RevokedDeposits);
}

public sealed record BalanceResponse(long ChainId, string Chain, string Token, string? Asset, string Pending, string Final);

public sealed record TotalResponse(string Asset, string Pending, string Final, string Total);
