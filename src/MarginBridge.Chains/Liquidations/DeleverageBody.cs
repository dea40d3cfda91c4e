using System.Globalization;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Liquidations;

/// <summary>
/// The JSON of a member's <c>POST /deleverages</c>: an auto-deleveraging of <paramref name="Account"/>
/// against <paramref name="Counterparty"/> on a venue of <paramref name="ChainId"/>, in the batch (=
/// nonce) it travels in; the same units as <see cref="LiquidationBody"/>.
/// </summary>
public sealed record DeleverageBody(long ChainId, ulong Nonce, ulong Expiry, string? Venue, string? Market, string? Account, string? Counterparty, string? SizeDelta, string? Price)
{
    public static DeleverageBody From(long chainId, DeleverageStruct deleverage)
    {
        ArgumentNullException.ThrowIfNull(deleverage);
        return new DeleverageBody(
            chainId, deleverage.Nonce, deleverage.Expiry, deleverage.Venue, deleverage.Market.ToHex(prefix: true), deleverage.Account, deleverage.Counterparty,
            deleverage.SizeDelta.ToString(CultureInfo.InvariantCulture), deleverage.Price.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The chain and the instruction, or the first broken field and what is wrong with it.</summary>
    public (ChainOptions? Chain, DeleverageStruct? Deleverage, string? Error) Parse(MarginBridgeOptions options)
    {
        var (fields, error) = InstructionFields.Parse(options, ChainId, Venue, Account, Market, SizeDelta, Price);
        if (fields is null)
        {
            return (null, null, error);
        }

        if (!EvmAddress.TryNormalize(Counterparty, out var counterparty) || counterparty == fields.Account)
        {
            return (null, null, "counterparty: must be a 0x-prefixed 20-byte hex address other than the account's");
        }

        return (fields.Chain, new DeleverageStruct { Nonce = Nonce, Expiry = Expiry, Venue = fields.Venue, Market = fields.Market, Account = fields.Account, Counterparty = counterparty, SizeDelta = fields.SizeDelta, Price = fields.Price }, null);
    }
}
