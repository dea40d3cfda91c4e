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
        var (fields, error) = InstructionFields.Parse(options, ChainId, Venue, Account, Market, SizeDelta, Price);
        if (fields is null)
        {
            return (null, null, error);
        }

        var chain = fields.Chain;
        if (!EvmAddress.TryNormalize(Token, out var token) || FundSettlement.TokenOf(chain) is not { } settlement || EvmAddress.Normalize(settlement.Address) != token)
        {
            return (null, null, $"token: '{Token}' is not {chain.Name}'s {FundSettlement.Asset}, the token liquidations settle in");
        }

        if (!BigInteger.TryParse(FundTransfer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fundTransfer))
        {
            return (null, null, "fundTransfer: must be an integer (a fee > 0, a deficit < 0, or 0)");
        }

        return (chain, new LiquidationStruct { Nonce = Nonce, Expiry = Expiry, Venue = fields.Venue, Account = fields.Account, Market = fields.Market, SizeDelta = fields.SizeDelta, Price = fields.Price, Token = token, FundTransfer = fundTransfer }, null);
    }
}
