using System.Globalization;
using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Contracts;

namespace MarginBridge.Chains.Committee;

/// <summary>The JSON of <c>POST /attestations</c>; amounts are base units as decimal strings.</summary>
public sealed record AttestationBody(RouteBody? Route, ulong BatchNumber, long SourceBlock, IReadOnlyList<TransferBody>? Transfers)
{
    /// <summary>What the silo sends a member for a batch.</summary>
    public static AttestationBody From(AttestationRequest request) => new(
        new RouteBody(request.Route.SrcChainId, request.Route.SrcContract, request.Route.DstChainId, request.Route.DstContract),
        request.BatchNumber,
        request.SourceBlock,
        [.. request.Transfers.Select(t => new TransferBody(t.Nonce, t.Expiry, t.Token, t.Recipient, t.Amount.ToString(CultureInfo.InvariantCulture)))]);

    /// <summary>The request, or the first broken field and what is wrong with it.</summary>
    public (AttestationRequest? Request, string? Field, string? Error) Parse()
    {
        if (Route is null)
        {
            return (null, "route", "is required");
        }

        if (!EvmAddress.TryNormalize(Route.SrcContract, out var srcContract))
        {
            return (null, "route.srcContract", "must be a 0x-prefixed 20-byte hex address");
        }

        if (!EvmAddress.TryNormalize(Route.DstContract, out var dstContract))
        {
            return (null, "route.dstContract", "must be a 0x-prefixed 20-byte hex address");
        }

        if (SourceBlock < 0)
        {
            return (null, "sourceBlock", "must not be negative");
        }

        if (Transfers is not { Count: > 0 and <= 1024 })
        {
            return (null, "transfers", "must hold between 1 and 1024 transfers");
        }

        var transfers = new List<TransferStruct>();
        for (var i = 0; i < Transfers.Count; i++)
        {
            var t = Transfers[i];
            if (!EvmAddress.TryNormalize(t.Token, out var token))
            {
                return (null, $"transfers[{i}].token", "must be a 0x-prefixed 20-byte hex address");
            }

            if (!EvmAddress.TryNormalize(t.Recipient, out var recipient))
            {
                return (null, $"transfers[{i}].recipient", "must be a 0x-prefixed 20-byte hex address");
            }

            if (!BigInteger.TryParse(t.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount.IsZero)
            {
                return (null, $"transfers[{i}].amount", "must be a positive integer in base units");
            }

            transfers.Add(new TransferStruct { Nonce = t.Nonce, Expiry = t.Expiry, Token = token, Recipient = recipient, Amount = amount });
        }

        var route = new RouteStruct { SrcChainId = Route.SrcChainId, SrcContract = srcContract, DstChainId = Route.DstChainId, DstContract = dstContract };
        return (new AttestationRequest(route, BatchNumber, SourceBlock, transfers), null, null);
    }
}

public sealed record RouteBody(ulong SrcChainId, string? SrcContract, ulong DstChainId, string? DstContract);

public sealed record TransferBody(ulong Nonce, ulong Expiry, string? Token, string? Recipient, string? Amount);
