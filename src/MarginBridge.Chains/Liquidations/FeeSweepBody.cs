using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;

namespace MarginBridge.Chains.Liquidations;

/// <summary>
/// The JSON of a member's <c>POST /sweeps</c>: collect up to <paramref name="Amount"/> base units of
/// <paramref name="Token"/> (chain <paramref name="ChainId"/>'s USDC) from <paramref name="Account"/>'s
/// balance there for the insurance fund of <paramref name="LiquidationChainId"/>, whose liquidation
/// <paramref name="LiquidationNonce"/> could not take its fee from the account on that chain; in the
/// batch (= nonce) of <paramref name="ChainId"/>'s liquidation route it travels in.
/// </summary>
public sealed record FeeSweepBody(long ChainId, ulong Nonce, ulong Expiry, string? Account, string? Token, string? Amount, long LiquidationChainId, ulong LiquidationNonce)
{
    public static FeeSweepBody From(long chainId, FeeSweepStruct sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new FeeSweepBody(chainId, sweep.Nonce, sweep.Expiry, sweep.Account, sweep.Token, sweep.Amount.ToString(CultureInfo.InvariantCulture), (long)sweep.LiquidationChainId, sweep.LiquidationNonce);
    }

    /// <summary>The chain the fee is collected on, the venue's chain, and the instruction; or the first broken field and what is wrong with it.</summary>
    public (ChainOptions? Chain, ChainOptions? VenueChain, FeeSweepStruct? Sweep, string? Error) Parse(MarginBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindChain(ChainId) is not { } chain)
        {
            return (null, null, null, $"chainId: {ChainId} is not a chain of this bridge");
        }

        if (options.FindChain(LiquidationChainId) is not { } venueChain || venueChain.ChainId == chain.ChainId)
        {
            return (null, null, null, $"liquidationChainId: {LiquidationChainId} is not another chain of this bridge");
        }

        if (!EvmAddress.TryNormalize(Account, out var account))
        {
            return (null, null, null, "account: must be a 0x-prefixed 20-byte hex address");
        }

        if (!EvmAddress.TryNormalize(Token, out var token) || FundSettlement.TokenOf(chain) is not { } settlement || EvmAddress.Normalize(settlement.Address) != token)
        {
            return (null, null, null, $"token: '{Token}' is not {chain.Name}'s {FundSettlement.Asset}, the token fees are collected in");
        }

        if (!BigInteger.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount.IsZero)
        {
            return (null, null, null, "amount: must be a positive integer");
        }

        return (chain, venueChain, new FeeSweepStruct { Nonce = Nonce, Expiry = Expiry, Account = account, Token = token, Amount = amount, LiquidationChainId = (ulong)venueChain.ChainId, LiquidationNonce = LiquidationNonce }, null);
    }
}
