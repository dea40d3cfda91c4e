using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Liquidations;

/// <summary>The fields a liquidation and a deleveraging instruction share, checked once: the venue's chain, the venue, the account, the market, the size change and the price.</summary>
public sealed record InstructionFields(ChainOptions Chain, string Venue, string Account, byte[] Market, BigInteger SizeDelta, BigInteger Price)
{
    /// <summary>The fields, or the first broken one and what is wrong with it.</summary>
    public static (InstructionFields? Fields, string? Error) Parse(MarginBridgeOptions options, long chainId, string? venue, string? account, string? market, string? sizeDelta, string? price)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindChain(chainId) is not { } chain)
        {
            return (null, $"chainId: {chainId} is not a chain of this bridge");
        }

        if (!EvmAddress.TryNormalize(venue, out var venueAddress) || !chain.Venues.Any(v => EvmAddress.Normalize(v) == venueAddress))
        {
            return (null, $"venue: '{venue}' is not a venue on {chain.Name}");
        }

        if (!EvmAddress.TryNormalize(account, out var accountAddress))
        {
            return (null, "account: must be a 0x-prefixed 20-byte hex address");
        }

        if (market is null || !market.IsHex() || market.HexToByteArray() is not { Length: 32 } marketId)
        {
            return (null, "market: must be a bytes32 as 0x hex");
        }

        if (!BigInteger.TryParse(sizeDelta, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var delta) || delta.IsZero)
        {
            return (null, "sizeDelta: must be a non-zero integer");
        }

        if (!BigInteger.TryParse(price, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPrice) || parsedPrice.IsZero)
        {
            return (null, "price: must be a positive integer");
        }

        return (new InstructionFields(chain, venueAddress, accountAddress, marketId, delta, parsedPrice), null);
    }
}
