using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Liquidations;

/// <summary>
/// The JSON of a member's <c>POST /liquidations</c>: one instruction for a venue on
/// <paramref name="ChainId"/>, the batch (= nonce) it travels in. Sizes and prices are the venue's
/// 18-decimal integers as decimal strings; the market is its bytes32 id as 0x hex; the settlement
/// with the chain's insurance fund is in <paramref name="Token"/>'s base units (&gt; 0 a fee, &lt; 0 a deficit).
/// </summary>
public sealed record LiquidationBody(long ChainId, ulong Nonce, ulong Expiry, string? Venue, string? Account, string? Market, string? SizeDelta, string? Price, string? Token, string? FundTransfer)
{
    public static LiquidationBody From(long chainId, LiquidationStruct liquidation)
    {
        ArgumentNullException.ThrowIfNull(liquidation);
        return new LiquidationBody(
            chainId, liquidation.Nonce, liquidation.Expiry, liquidation.Venue, liquidation.Account, liquidation.Market.ToHex(prefix: true),
            liquidation.SizeDelta.ToString(CultureInfo.InvariantCulture), liquidation.Price.ToString(CultureInfo.InvariantCulture),
            liquidation.Token, liquidation.FundTransfer.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The chain and the instruction, or the first broken field and what is wrong with it.</summary>
    public (ChainOptions? Chain, LiquidationStruct? Liquidation, string? Error) Parse(MarginBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindChain(ChainId) is not { } chain)
        {
            return (null, null, $"chainId: {ChainId} is not a chain of this bridge");
        }

        if (!EvmAddress.TryNormalize(Venue, out var venue) || !chain.Venues.Any(v => EvmAddress.Normalize(v) == venue))
        {
            return (null, null, $"venue: '{Venue}' is not a venue on {chain.Name}");
        }

        if (!EvmAddress.TryNormalize(Account, out var account))
        {
            return (null, null, "account: must be a 0x-prefixed 20-byte hex address");
        }

        if (Market is null || !Market.IsHex() || Market.HexToByteArray() is not { Length: 32 } market)
        {
            return (null, null, "market: must be a bytes32 as 0x hex");
        }

        if (!BigInteger.TryParse(SizeDelta, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sizeDelta) || sizeDelta.IsZero)
        {
            return (null, null, "sizeDelta: must be a non-zero integer");
        }

        if (!BigInteger.TryParse(Price, NumberStyles.None, CultureInfo.InvariantCulture, out var price) || price.IsZero)
        {
            return (null, null, "price: must be a positive integer");
        }

        if (!EvmAddress.TryNormalize(Token, out var token) || FundSettlement.TokenOf(chain) is not { } settlement || EvmAddress.Normalize(settlement.Address) != token)
        {
            return (null, null, $"token: '{Token}' is not {chain.Name}'s {FundSettlement.Asset}, the token liquidations settle in");
        }

        if (!BigInteger.TryParse(FundTransfer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fundTransfer))
        {
            return (null, null, "fundTransfer: must be an integer (a fee > 0, a deficit < 0, or 0)");
        }

        return (chain, new LiquidationStruct { Nonce = Nonce, Expiry = Expiry, Venue = venue, Account = account, Market = market, SizeDelta = sizeDelta, Price = price, Token = token, FundTransfer = fundTransfer }, null);
    }
}
