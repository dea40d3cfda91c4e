using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;

namespace MarginBridge.Chains.Committee;

/// <summary>
/// The JSON of a member's <c>POST /voids</c>: on chain <paramref name="ChainId"/> (the transfer's
/// destination), transfer <paramref name="TransferNonce"/> from <paramref name="SrcChainId"/> — to
/// <paramref name="Recipient"/>, <paramref name="Amount"/> base units of <paramref name="Token"/> (the
/// destination's token, as in its leaf) — never executes, and its amount returns to
/// <paramref name="RefundTo"/>; in the batch (= nonce) <paramref name="Nonce"/> of the destination's
/// instruction route.
/// </summary>
public sealed record TransferVoidBody(long ChainId, ulong Nonce, ulong Expiry, long SrcChainId, ulong TransferNonce, string? Token, string? Recipient, string? Amount, string? RefundTo)
{
    public static TransferVoidBody From(long chainId, TransferVoidStruct transferVoid)
    {
        ArgumentNullException.ThrowIfNull(transferVoid);
        return new TransferVoidBody(
            chainId, transferVoid.Nonce, transferVoid.Expiry, (long)transferVoid.SrcChainId, transferVoid.TransferNonce, transferVoid.Token, transferVoid.Recipient,
            transferVoid.Amount.ToString(CultureInfo.InvariantCulture), transferVoid.RefundTo);
    }

    /// <summary>The destination, the source, the instruction and the leaf of the transfer it voids; or the first broken field and what is wrong with it.</summary>
    public (ChainOptions? Destination, ChainOptions? Source, TransferVoidStruct? Void, byte[]? TransferLeaf, string? Error) Parse(MarginBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FindChain(ChainId) is not { } destination)
        {
            return (null, null, null, null, $"chainId: {ChainId} is not a chain of this bridge");
        }

        if (options.FindChain(SrcChainId) is not { } source || source.ChainId == destination.ChainId)
        {
            return (null, null, null, null, $"srcChainId: {SrcChainId} is not another chain of this bridge");
        }

        if (!EvmAddress.TryNormalize(Token, out var token))
        {
            return (null, null, null, null, "token: must be a 0x-prefixed 20-byte hex address");
        }

        if (!EvmAddress.TryNormalize(Recipient, out var recipient))
        {
            return (null, null, null, null, "recipient: must be a 0x-prefixed 20-byte hex address");
        }

        if (!BigInteger.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount.IsZero)
        {
            return (null, null, null, null, "amount: must be a positive integer");
        }

        if (!EvmAddress.TryNormalize(RefundTo, out var refundTo) || refundTo.All(c => c is '0' or 'x'))
        {
            return (null, null, null, null, "refundTo: must be a non-zero 0x-prefixed 20-byte hex address");
        }

        var transferVoid = new TransferVoidStruct
        {
            Nonce = Nonce, Expiry = Expiry, SrcChainId = (ulong)source.ChainId, TransferNonce = TransferNonce, Token = token, Recipient = recipient, Amount = amount, RefundTo = refundTo,
        };
        return (destination, source, transferVoid, TransferLeafOf(source, destination, transferVoid), null);
    }

    /// <summary>The leaf of the transfer <paramref name="transferVoid"/> voids, as the source outbox stored it (outbound transfers never expire).</summary>
    public static byte[] TransferLeafOf(ChainOptions source, ChainOptions destination, TransferVoidStruct transferVoid)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(transferVoid);
        var route = new RouteStruct { SrcChainId = (ulong)source.ChainId, SrcContract = EvmAddress.Normalize(source.Vault), DstChainId = (ulong)destination.ChainId, DstContract = EvmAddress.Normalize(destination.Vault) };
        return MessageLeaf.Transfer(route, new TransferStruct { Nonce = transferVoid.TransferNonce, Expiry = 0, Token = transferVoid.Token, Recipient = transferVoid.Recipient, Amount = transferVoid.Amount });
    }
}
