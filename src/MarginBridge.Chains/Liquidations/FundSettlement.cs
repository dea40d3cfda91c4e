using System.Numerics;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.Chains.Liquidations;

/// <summary>
/// How a liquidation settles with the venue chain's insurance fund on chain: in the chain's USDC,
/// the margin library's quote unit (1e-6 USD) converted to the token's base units, rounded toward
/// zero so that neither a fee nor a covered deficit is ever larger than the plan's.
/// </summary>
public static class FundSettlement
{
    public const string Asset = "USDC";
    private const int QuoteDecimals = 6;

    /// <summary>The chain's settlement token, or null when it lists no USDC.</summary>
    public static TokenOptions? TokenOf(ChainOptions chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Tokens.FirstOrDefault(t => t.Asset == Asset);
    }

    public static BigInteger ToBaseUnits(TokenOptions token, BigInteger quoteUnits)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Decimals >= QuoteDecimals
            ? quoteUnits * BigInteger.Pow(10, token.Decimals - QuoteDecimals)
            : quoteUnits / BigInteger.Pow(10, QuoteDecimals - token.Decimals);
    }

    public static BigInteger ToQuoteUnits(TokenOptions token, BigInteger baseUnits)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Decimals >= QuoteDecimals
            ? baseUnits / BigInteger.Pow(10, token.Decimals - QuoteDecimals)
            : baseUnits * BigInteger.Pow(10, QuoteDecimals - token.Decimals);
    }
}
