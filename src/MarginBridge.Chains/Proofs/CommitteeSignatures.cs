using MarginBridge.Chains.Contracts;
using Nethereum.Signer;

namespace MarginBridge.Chains.Proofs;

/// <summary>Signs an EIP-712 digest with committee keys and orders the signatures by signer, as the inbox requires.</summary>
public static class CommitteeSignatures
{
    public static List<SignatureStruct> Sign(byte[] digest, IEnumerable<EthECKey> keys) =>
        [.. keys
            .Select(key => (Signer: key.GetPublicAddress().ToLowerInvariant(), Signature: key.SignAndCalculateV(digest)))
            .OrderBy(s => s.Signer, StringComparer.Ordinal)
            .Select(s => new SignatureStruct { R = Pad(s.Signature.R), S = Pad(s.Signature.S), V = s.Signature.V[0] })];

    private static byte[] Pad(byte[] value)
    {
        if (value.Length == 32)
        {
            return value;
        }

        var padded = new byte[32];
        value.CopyTo(padded, 32 - value.Length);
        return padded;
    }
}
