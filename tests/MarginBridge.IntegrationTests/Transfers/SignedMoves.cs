using System.Globalization;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using MarginBridge.Silo.Api;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>Move requests as a wallet would sign them: EIP-712 in the source vault's domain.</summary>
internal static class SignedMoves
{
    public static MoveRequestBody Create(DevAccount signer, DevnetChain source, DevnetChain destination, long amount, ulong nonce, ulong deadline)
    {
        var move = new MoveRequestStruct
        {
            Account = signer.Address,
            DstChainId = (ulong)destination.Options.ChainId,
            Token = source.Contracts.Token,
            Amount = amount,
            Recipient = signer.Address,
            Nonce = nonce,
            Deadline = deadline,
        };
        var digest = TypedData.MoveRequest(TypedData.DomainSeparator((ulong)source.Options.ChainId, source.Contracts.Vault), move);
        var signature = CommitteeSignatures.Sign(digest, [new EthECKey(signer.PrivateKey)]).Single();
        return new MoveRequestBody(
            signer.Address, source.Options.ChainId, destination.Options.ChainId, source.Contracts.Token, amount.ToString(CultureInfo.InvariantCulture), signer.Address, nonce, deadline,
            signature.R.Concat(signature.S).Append(signature.V).ToArray().ToHex(prefix: true));
    }

    /// <summary>An hour from now: far enough for chains whose clocks tests move forward.</summary>
    public static ulong Deadline => (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
}
