using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Committee;

/// <summary>
/// A member's decision on something the silo asked it to sign (a clearance, a liquidation): its
/// signature, or why not — with the margin numbers it decided on (USD exact to 1e-6) when it got
/// that far: the equity (after the withdrawal, for a clearance) and the requirement it compared it
/// with (initial for a clearance, maintenance for a liquidation).
/// </summary>
public sealed record MemberDecision(string Member, bool IsSigned, string? Signature, string? Refusal, string? Equity, string? Requirement)
{
    public static MemberDecision Refused(string member, string reason, string? equity = null, string? requirement = null) => new(member, false, null, reason, equity, requirement);

    /// <summary>The signature as the vault takes it, or null when it is not 65 bytes of hex.</summary>
    public SignatureStruct? ToSignature() => CommitteeSignatures.TryParse(Signature, out var signature) ? signature : null;

    public static string Encode(SignatureStruct signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.R.Concat(signature.S).Append(signature.V).ToArray().ToHex(prefix: true);
    }

    /// <summary>The digest the members sign for <paramref name="clearance"/> on <paramref name="chainId"/>'s vault.</summary>
    public static byte[] ClearanceDigest(long chainId, string vault, ClearanceStruct clearance) =>
        TypedData.Clearance(TypedData.DomainSeparator((ulong)chainId, vault), clearance);
}
