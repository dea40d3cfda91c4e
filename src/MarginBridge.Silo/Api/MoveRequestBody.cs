using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;

namespace MarginBridge.Silo.Api;

/// <summary>
/// The JSON of <c>POST /moves</c>: a move the account signed as an EIP-712 <c>MoveRequest</c> in
/// the source vault's domain (chain id and vault bound in). Amounts are base units as decimal strings.
/// </summary>
public sealed record MoveRequestBody(
    string? Account,
    long? FromChainId,
    long? ToChainId,
    string? Token,
    string? Amount,
    string? Recipient,
    ulong? Nonce,
    ulong? Deadline,
    string? Signature)
{
    /// <summary>The move, or the first broken field and what is wrong with it. Checks everything that needs no chain.</summary>
    public (SignedMove? Move, string? Field, string? Error) Parse(MarginBridgeOptions options)
    {
        if (!EvmAddress.TryNormalize(Account, out var account))
        {
            return Fail("account", "must be a 0x-prefixed 20-byte hex address");
        }

        if (FromChainId is null || options.FindChain(FromChainId.Value) is not { } source)
        {
            return Fail("fromChainId", $"must be one of the bridge's chains: {string.Join(", ", options.Chains.Select(c => c.ChainId))}");
        }

        if (ToChainId is null || options.FindChain(ToChainId.Value) is not { } destination)
        {
            return Fail("toChainId", $"must be one of the bridge's chains: {string.Join(", ", options.Chains.Select(c => c.ChainId))}");
        }

        if (destination.ChainId == source.ChainId)
        {
            return Fail("toChainId", "must differ from fromChainId");
        }

        if (!EvmAddress.TryNormalize(Token, out var token) || source.FindToken(token) is null)
        {
            return Fail("token", $"must be a collateral token listed on {source.Name}: {string.Join(", ", source.Tokens.Select(t => $"{t.Asset} {t.Address}"))}");
        }

        if (!BigInteger.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount.IsZero)
        {
            return Fail("amount", "must be a positive integer in base units");
        }

        var recipient = account;
        if (Recipient is not null && !EvmAddress.TryNormalize(Recipient, out recipient))
        {
            return Fail("recipient", "must be a 0x-prefixed 20-byte hex address");
        }

        if (Nonce is null)
        {
            return Fail("nonce", "is required: any number the account has not used for a move on this vault");
        }

        if (Deadline is null)
        {
            return Fail("deadline", "is required: the unix time after which the source vault refuses the move");
        }

        var move = new MoveRequestStruct { Account = account, DstChainId = (ulong)destination.ChainId, Token = token, Amount = amount, Recipient = recipient, Nonce = Nonce.Value, Deadline = Deadline.Value };
        if (!CommitteeSignatures.TryParse(Signature, out var signature))
        {
            return Fail("signature", "must be the account's 65-byte signature (r, s, v) as 0x hex");
        }

        var digest = TypedData.MoveRequest(TypedData.DomainSeparator((ulong)source.ChainId, source.Vault), move);
        if (!CommitteeSignatures.RecoversTo(signature, digest, account))
        {
            return Fail("signature", $"does not recover to {account} over this MoveRequest in the domain of {source.Name}'s vault {source.Vault}");
        }

        return (new SignedMove(source, destination, move, signature), null, null);
    }

    private static (SignedMove?, string?, string?) Fail(string field, string error) => (null, field, error);

}

/// <summary>A move whose fields and signature checked out; the chain still decides nonce, deadline and balance.</summary>
public sealed record SignedMove(ChainOptions Source, ChainOptions Destination, MoveRequestStruct Move, SignatureStruct Signature);
