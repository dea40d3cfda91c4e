using System.Globalization;
using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Silo.Api;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.Cli.Moves;

/// <summary>A move request as the account's wallet signs it: EIP-712 <c>MoveRequest</c> in the source vault's domain.</summary>
public static class MoveRequests
{
    public static MoveRequestBody Sign(EthECKey key, long srcChainId, string srcVault, long dstChainId, string token, BigInteger amount, string recipient, ulong nonce, ulong deadline)
    {
        var account = key.GetPublicAddress();
        var move = new MoveRequestStruct { Account = account, DstChainId = (ulong)dstChainId, Token = token, Amount = amount, Recipient = recipient, Nonce = nonce, Deadline = deadline };
        var signature = CommitteeSignatures.Sign(TypedData.MoveRequest(TypedData.DomainSeparator((ulong)srcChainId, srcVault), move), [key]).Single();
        return new MoveRequestBody(
            account, srcChainId, dstChainId, token, amount.ToString(CultureInfo.InvariantCulture), recipient, nonce, deadline,
            signature.R.Concat(signature.S).Append(signature.V).ToArray().ToHex(prefix: true));
    }
}
