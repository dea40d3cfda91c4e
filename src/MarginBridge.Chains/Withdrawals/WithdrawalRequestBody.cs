using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Proofs;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.Chains.Withdrawals;

/// <summary>
/// The JSON of <c>POST /withdrawals</c> (and what the silo forwards to each committee member): a
/// withdrawal the account signed as an EIP-712 <c>WithdrawalRequest</c> in the domain of the vault it
/// withdraws from. The nonce becomes the clearance's nonce, unique per account and vault.
/// </summary>
public sealed record WithdrawalRequestBody(
    string? Account,
    long? ChainId,
    string? Token,
    string? Amount,
    ulong? Nonce,
    ulong? Deadline,
    string? Signature)
{
    /// <summary>Signs a request with the account's key (the wallet's side).</summary>
    public static WithdrawalRequestBody Sign(EthECKey key, long chainId, string vault, string token, BigInteger amount, ulong nonce, ulong deadline)
    {
        ArgumentNullException.ThrowIfNull(key);
        var account = EvmAddress.Normalize(key.GetPublicAddress());
        var digest = TypedData.WithdrawalRequest(TypedData.DomainSeparator((ulong)chainId, vault), account, token, amount, nonce, deadline);
        var signature = CommitteeSignatures.Sign(digest, [key]).Single();
        return new WithdrawalRequestBody(
            account, chainId, EvmAddress.Normalize(token), amount.ToString(CultureInfo.InvariantCulture), nonce, deadline,
            signature.R.Concat(signature.S).Append(signature.V).ToArray().ToHex(prefix: true));
    }

    /// <summary>The request, or the first broken field and what is wrong with it. Checks everything that needs no chain.</summary>
    public (SignedWithdrawal? Withdrawal, string? Field, string? Error) Parse(MarginBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!EvmAddress.TryNormalize(Account, out var account))
        {
            return Fail("account", "must be a 0x-prefixed 20-byte hex address");
        }

        if (ChainId is null || options.FindChain(ChainId.Value) is not { } chain)
        {
            return Fail("chainId", $"must be one of the bridge's chains: {string.Join(", ", options.Chains.Select(c => c.ChainId))}");
        }

        if (!EvmAddress.TryNormalize(Token, out var token) || chain.FindToken(token) is not { } listed)
        {
            return Fail("token", $"must be a collateral token listed on {chain.Name}: {string.Join(", ", chain.Tokens.Select(t => $"{t.Asset} {t.Address}"))}");
        }

        if (!BigInteger.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount.IsZero)
        {
            return Fail("amount", "must be a positive integer in base units");
        }

        if (Nonce is null)
        {
            return Fail("nonce", "is required: any number the account has not used for a withdrawal from this vault");
        }

        if (Deadline is null)
        {
            return Fail("deadline", "is required: the unix time after which the request is void");
        }

        if (!CommitteeSignatures.TryParse(Signature, out var signature))
        {
            return Fail("signature", "must be the account's 65-byte signature (r, s, v) as 0x hex");
        }

        var digest = TypedData.WithdrawalRequest(TypedData.DomainSeparator((ulong)chain.ChainId, chain.Vault), account, token, amount, Nonce.Value, Deadline.Value);
        if (!CommitteeSignatures.RecoversTo(signature, digest, account))
        {
            return Fail("signature", $"does not recover to {account} over this WithdrawalRequest in the domain of {chain.Name}'s vault {chain.Vault}");
        }

        return (new SignedWithdrawal(chain, listed, account, token, amount, Nonce.Value, Deadline.Value), null, null);
    }

    private static (SignedWithdrawal?, string?, string?) Fail(string field, string error) => (null, field, error);
}

/// <summary>A withdrawal request whose fields and signature checked out.</summary>
public sealed record SignedWithdrawal(ChainOptions Chain, TokenOptions Token, string Account, string TokenAddress, BigInteger Amount, ulong Nonce, ulong Deadline);
