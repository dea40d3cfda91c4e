using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Withdrawals;

/// <summary>What the silo asks a committee member to clear: the account's signed request and the clearance's expiry (the vault's chain time).</summary>
public sealed record ClearanceBody(WithdrawalRequestBody Request, ulong Expiry);

/// <summary>
/// A member's answer: its signature over the clearance, or why not (with the numbers it decided on,
/// USD exact to 1e-6, when it got that far).
/// </summary>
public sealed record ClearanceAnswer(string Member, bool IsSigned, string? Signature, string? Refusal, string? EquityAfter, string? InitialRequirement)
{
    public static ClearanceAnswer Refused(string member, string reason, string? equityAfter = null, string? initial = null) => new(member, false, null, reason, equityAfter, initial);

    /// <summary>The signature as the vault takes it, or null when it is not 65 bytes of hex.</summary>
    public SignatureStruct? ToSignature() =>
        Signature is not null && Signature.IsHex() && Signature.HexToByteArray() is { Length: 65 } bytes
            ? new SignatureStruct { R = bytes[..32], S = bytes[32..64], V = bytes[64] }
            : null;

    public static string Encode(SignatureStruct signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.R.Concat(signature.S).Append(signature.V).ToArray().ToHex(prefix: true);
    }

    /// <summary>The digest the members sign for <paramref name="clearance"/> on <paramref name="chainId"/>'s vault.</summary>
    public static byte[] Digest(long chainId, string vault, ClearanceStruct clearance) =>
        TypedData.Clearance(TypedData.DomainSeparator((ulong)chainId, vault), clearance);
}
