using MarginBridge.Chains.Contracts;
using Nethereum.Signer;

namespace MarginBridge.Chains.Proofs;

/// <summary>Signs an EIP-712 digest with committee keys and orders the signatures by signer, as the inbox requires; checks who signed one.</summary>
public static class CommitteeSignatures
{
    /// <summary>A 65-byte signature (r, s, v) as 0x hex, with v as 27 or 28 (0 and 1 are taken as 27 and 28); false for anything else.</summary>
    public static bool TryParse(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SignatureStruct? signature)
    {
        signature = null;
        if (hex is null || !Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.IsHex(hex)
            || Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(hex) is not { Length: 65 } bytes)
        {
            return false;
        }

        signature = new SignatureStruct { R = bytes[..32], S = bytes[32..64], V = bytes[64] < 27 ? (byte)(bytes[64] + 27) : bytes[64] };
        return true;
    }

    public static List<SignatureStruct> Sign(byte[] digest, IEnumerable<EthECKey> keys) =>
        [.. keys
            .Select(key => (Signer: key.GetPublicAddress().ToLowerInvariant(), Signature: key.SignAndCalculateV(digest)))
            .OrderBy(s => s.Signer, StringComparer.Ordinal)
            .Select(s => new SignatureStruct { R = Pad(s.Signature.R), S = Pad(s.Signature.S), V = s.Signature.V[0] })];

    /// <summary>Whether <paramref name="signature"/> over <paramref name="digest"/> recovers to <paramref name="address"/>; false for a malformed signature.</summary>
    public static bool RecoversTo(SignatureStruct signature, byte[] digest, string address)
    {
        try
        {
            var signer = EthECKey.RecoverFromSignature(EthECDSASignatureFactory.FromComponents(signature.R, signature.S, [signature.V]), digest);
            return string.Equals(signer.GetPublicAddress(), address, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

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
