using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Liquidations;

namespace MarginBridge.Grains.Liquidations;

/// <summary>
/// Where a liquidation fee the account could not pay on the venue's chain is collected: the other
/// chain where the account holds the most free hard-final USDC (its hard-final balance less any
/// pending debit, so nothing in flight or not yet final is taken), and how much — the fee owed in
/// that chain's base units (rounded toward zero), at most what is free there.
/// </summary>
public static class FeeSweepSource
{
    /// <returns>The chain, its USDC and the amount in its base units; null when no other chain has any.</returns>
    public static (ChainOptions Chain, TokenOptions Token, BigInteger Amount)? Choose(IEnumerable<ChainOptions> chains, AccountView view, long venueChainId, BigInteger owedQuoteUnits)
    {
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(view);
        var best = chains
            .Where(c => c.ChainId != venueChainId)
            .Select(c => (Chain: c, Token: FundSettlement.TokenOf(c)))
            .Where(c => c.Token is not null)
            .Select(c => (c.Chain, Token: c.Token!, Free: Free(view, c.Chain.ChainId, c.Token!.Address)))
            .Where(c => c.Free.Sign > 0)
            .OrderByDescending(c => FundSettlement.ToQuoteUnits(c.Token, c.Free))
            .Select(c => (c.Chain, c.Token, Amount: BigInteger.Min(FundSettlement.ToBaseUnits(c.Token, owedQuoteUnits), c.Free)))
            .FirstOrDefault();
        return best.Amount.Sign > 0 ? best : null;
    }

    private static BigInteger Free(AccountView view, long chainId, string token) =>
        view.Balances
            .Where(b => b.ChainId == chainId && string.Equals(b.Token, token, StringComparison.OrdinalIgnoreCase))
            .Select(b => b.Final + BigInteger.Min(b.Pending, 0))
            .FirstOrDefault();
}
