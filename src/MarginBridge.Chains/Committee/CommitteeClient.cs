using System.Net.Http.Json;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Committee;

/// <summary>
/// The silo's side of attestation: asks every member's <c>mb signer</c> over HTTP at once and
/// keeps only signatures that recover to that member over the root the silo computed itself, so a
/// faulty or impersonated member can delay a batch but never spoil a <c>submitRoot</c>.
/// </summary>
public sealed class CommitteeClient(HttpClient http, CommitteeOptions committee)
{
    public int Threshold => committee.Threshold;

    public async Task<CommitteeAnswer> AttestAsync(AttestationRequest request, byte[] root, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var route = request.Route;
        var digest = TypedData.RootAttestation(TypedData.DomainSeparator(route.DstChainId, route.DstContract), route.SrcChainId, route.SrcContract, request.BatchNumber, root, (uint)request.Transfers.Count);
        var body = AttestationBody.From(request);
        var answers = await Task.WhenAll(committee.Members.Select(m => AskAsync(m, body, digest, timeout, cancellationToken)));
        return Collect(answers);
    }

    private static CommitteeAnswer Collect(IReadOnlyList<MemberAnswer> answers)
    {
        var signed = answers.Where(a => a.Signature is not null).OrderBy(a => a.Member, StringComparer.Ordinal).ToList();
        return new CommitteeAnswer(
            [.. signed.Select(a => a.Member)],
            [.. signed.Select(a => a.Signature!)],
            [.. answers.Where(a => a.Signature is null).Select(a => $"{a.Member}: {a.Refusal}")]);
    }

    /// <summary>
    /// Asks every member to decide (<c>POST /{path}</c>: a withdrawal's clearance, a liquidation);
    /// keeps only signatures that recover to that member over the digest the silo computed itself.
    /// </summary>
    public async Task<CommitteeAnswer> DecideAsync(string path, object body, byte[] digest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(committee.Members.Select(async member =>
        {
            var address = EvmAddress.Normalize(member.Address);
            var (answer, status, unreachable) = await PostAsync<MemberDecision>(member, path, body, timeout, cancellationToken);
            var signature = answer is { IsSigned: true } ? answer.ToSignature() : null;
            return signature is not null && CommitteeSignatures.RecoversTo(signature, digest, address)
                ? new MemberAnswer(address, signature, null)
                : new MemberAnswer(address, null, unreachable ?? answer?.Refusal ?? (answer is { IsSigned: true } ? "its signature does not recover to its address over what the silo asked" : $"answered {status} without a reason"));
        }));
        return Collect(answers);
    }

    /// <summary>
    /// Optimistic routes: asks members one at a time, in configured order, to propose the batch from
    /// their own key, until one has sent it; a member's answer counts only with the silo's own root.
    /// </summary>
    public async Task<(Proposal? Sent, IReadOnlyList<string> Refusals)> ProposeAsync(AttestationRequest request, byte[] root, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = AttestationBody.From(request);
        var refusals = new List<string>();
        var expected = root.ToHex(prefix: true);
        foreach (var member in committee.Members)
        {
            var address = EvmAddress.Normalize(member.Address);
            var (answer, status, unreachable) = await PostAsync<Proposal>(member, "proposals", body, timeout, cancellationToken);
            if (answer is { IsSent: true } && string.Equals(answer.Root, expected, StringComparison.OrdinalIgnoreCase))
            {
                return (answer with { Member = address }, refusals);
            }

            refusals.Add($"{address}: {unreachable ?? answer?.Refusal ?? $"answered {status} without a proposal of the silo's root"}");
        }

        return (null, refusals);
    }

    private async Task<MemberAnswer> AskAsync(CommitteeMemberOptions member, AttestationBody body, byte[] digest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var address = EvmAddress.Normalize(member.Address);
        var (answer, status, unreachable) = await PostAsync<AttestationResponse>(member, "attestations", body, timeout, cancellationToken);
        if (answer is null || !answer.IsSigned)
        {
            return new MemberAnswer(address, null, unreachable ?? answer?.Refusal ?? $"answered {status} without a reason");
        }

        var signature = answer.ToSignature();
        return signature is not null && CommitteeSignatures.RecoversTo(signature, digest, address)
            ? new MemberAnswer(address, signature, null)
            : new MemberAnswer(address, null, "its signature does not recover to its address over the silo's root");
    }

    /// <summary>One request to a member's <c>mb signer</c>: its answer and status, or why it could not be reached in time.</summary>
    private async Task<(T? Answer, int Status, string? Unreachable)> PostAsync<T>(CommitteeMemberOptions member, string path, object body, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var response = await http.PostAsJsonAsync(new Uri(new Uri(member.Url), path), body, deadline.Token);
            return (await response.Content.ReadFromJsonAsync<T>(deadline.Token), (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return (null, 0, $"unreachable ({e.GetType().Name}: {e.Message})");
        }
    }

    private sealed record MemberAnswer(string Member, SignatureStruct? Signature, string? Refusal);
}

/// <summary>The members that signed (ascending, as the inbox wants them), their signatures, and every refusal in words.</summary>
public sealed record CommitteeAnswer(IReadOnlyList<string> Signers, IReadOnlyList<SignatureStruct> Signatures, IReadOnlyList<string> Refusals);
