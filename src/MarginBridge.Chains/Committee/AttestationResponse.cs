using MarginBridge.Chains.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Committee;

/// <summary>A member's answer on the wire: r, s as 0x hex, v as 27 or 28; or the refusal in words.</summary>
public sealed record AttestationResponse(string Member, bool IsSigned, string? Root, string? R, string? S, int? V, string? Refusal)
{
    public static AttestationResponse From(Attestation a) => new(
        a.Member, a.IsSigned, a.Root, a.Signature?.R.ToHex(prefix: true), a.Signature?.S.ToHex(prefix: true), a.Signature?.V, a.Refusal);

    /// <summary>The signature as the inbox takes it; null for a refusal or a malformed answer.</summary>
    public SignatureStruct? ToSignature() =>
        IsSigned && R is { Length: 66 } && S is { Length: 66 } && V is 27 or 28
            ? new SignatureStruct { R = R.HexToByteArray(), S = S.HexToByteArray(), V = (byte)V }
            : null;
}
