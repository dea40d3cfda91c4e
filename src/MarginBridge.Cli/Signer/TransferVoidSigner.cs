using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Withdrawals;
using Nethereum.Signer;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// A member's decision on voiding a transfer: it signs the one-instruction batch for the destination
/// vault only after finding, through both of its endpoints and at the source's hard-final block, the
/// source outbox's <c>TransferInitiated</c> of exactly that message, sent by the account the refund
/// goes to; after finding it not executed on the destination; and never for a transfer to a vault's
/// insurance fund (a swept fee) or a refund itself. The refund can only go back to the sender, for
/// the amount that left it; the destination vault makes voiding and executing exclusive.
/// </summary>
public sealed class TransferVoidSigner(EthECKey key, MarginBridgeOptions bridge, IReadOnlyList<AccountSnapshotReader> readers)
{
    public string Member { get; } = EvmAddress.Normalize(key.GetPublicAddress());

    public async Task<MemberDecision> DecideAsync(TransferVoidBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (destination, source, transferVoid, leaf, error) = body.Parse(bridge);
        if (destination is null || source is null || transferVoid is null || leaf is null)
        {
            return MemberDecision.Refused(Member, error!);
        }

        if (await RefusalAsync(destination, source, transferVoid, leaf, cancellationToken) is { } refusal)
        {
            return MemberDecision.Refused(Member, refusal);
        }

        var digest = LiquidationRoute.AttestationDigest(destination, transferVoid.Nonce, LiquidationRoute.Leaf(destination, transferVoid));
        return new MemberDecision(Member, true, MemberDecision.Encode(CommitteeSignatures.Sign(digest, [key]).Single()), null, null, null);
    }

    /// <summary>Null when the void may be signed; otherwise why not.</summary>
    private async Task<string?> RefusalAsync(ChainOptions destination, ChainOptions source, TransferVoidStruct transferVoid, byte[] leaf, CancellationToken cancellationToken)
    {
        if (ExpiryWindow.Refusal(transferVoid.Expiry, await readers[0].ReadHeadTimestampAsync(destination, cancellationToken), LiquidationRoute.MaxLifetimeSeconds, destination) is { } badExpiry)
        {
            return badExpiry;
        }

        var vaults = bridge.Chains.Select(c => EvmAddress.Normalize(c.Vault)).ToHashSet(StringComparer.Ordinal);
        if (vaults.Contains(transferVoid.Recipient))
        {
            return $"the transfer pays {destination.Name}'s insurance fund (a swept liquidation fee): it is not voided";
        }

        var reads = await Task.WhenAll(readers.Select(r => r.ReadSentTransferAsync(source, leaf, cancellationToken)));
        var senders = reads.Select(r => r.Sent is { } sent ? EvmAddress.Normalize(sent.Account) : null).Distinct().ToList();
        if (senders.Count != 1 || senders[0] is not { } sender)
        {
            return $"no hard-final TransferInitiated of that message in {source.Name}'s outbox that both of this member's endpoints agree on ({string.Join("; ", reads.Select(r => $"through block {r.Final}: {(r.Sent is { } s ? $"sent by {s.Account}" : "none")}"))})";
        }

        if (vaults.Contains(sender))
        {
            return $"the transfer is itself the refund of a voided transfer, sent by {source.Name}'s vault: it is not voided";
        }

        if (sender != transferVoid.RefundTo)
        {
            return $"refundTo {transferVoid.RefundTo} is not the transfer's sender {sender}";
        }

        return await readers[0].IsExecutedAsync(destination, source, transferVoid.TransferNonce, cancellationToken)
            ? $"transfer {transferVoid.TransferNonce} from {source.Name} is already executed on {destination.Name}"
            : null;
    }
}
