using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace MarginBridge.Chains.Verification;

/// <summary>
/// What a committee member checks on the source chain before it signs a batch: the block's hash
/// and state root are the same on at least two of its endpoints (and no endpoint says otherwise),
/// and every leaf is in the source vault's <c>sentMessages</c> under that state root, by a storage
/// proof it verifies itself. A lying endpoint can make it refuse (delay), never make it sign.
/// </summary>
public sealed class SentMessageVerifier(IReadOnlyList<IWeb3> endpoints, string vault)
{
    public async Task<SourceVerification> VerifyAsync(IReadOnlyList<byte[]> leaves, long blockNumber, CancellationToken cancellationToken)
    {
        var block = new BlockParameter(new HexBigInteger(blockNumber));
        var headers = await Task.WhenAll(endpoints.Select(e => TryAsync(() => e.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(block), cancellationToken)));
        var answered = headers.OfType<BlockWithTransactionHashes>().ToList();
        if (answered.Count < 2)
        {
            return SourceVerification.Refused($"only {answered.Count} endpoint(s) gave block {blockNumber}; at least two must agree on it");
        }

        var identities = answered.Select(h => (Hash: h.BlockHash.ToLowerInvariant(), StateRoot: h.StateRoot.ToLowerInvariant())).Distinct().ToList();
        if (identities.Count > 1)
        {
            return SourceVerification.Refused($"endpoints disagree on block {blockNumber}: {string.Join(" vs ", identities.Select(i => i.Hash))}");
        }

        var stateRoot = identities[0].StateRoot.HexToByteArray();
        var slots = leaves.Select(StorageProofs.SentMessageSlot).ToList();
        var keys = slots.Select(s => s.ToHex(prefix: true)).ToArray();
        string? refusal = null;
        foreach (var endpoint in endpoints)
        {
            var proof = await TryAsync(() => endpoint.Eth.GetProof.SendRequestAsync(vault, keys, block), cancellationToken);
            if (proof is null)
            {
                continue;
            }

            var unproven = leaves.Where((_, i) => !StorageProofs.ProvesTrue(stateRoot, vault, slots[i], proof)).ToList();
            if (unproven.Count == 0)
            {
                return SourceVerification.Proven(identities[0].Hash);
            }

            // A proof that does not verify may come from a lying endpoint: ask the next one.
            var first = unproven[0];
            var atLatest = await TryAsync(() => endpoint.Eth.GetStorageAt.SendRequestAsync(vault, new HexBigInteger(new System.Numerics.BigInteger(StorageProofs.SentMessageSlot(first), isUnsigned: true, isBigEndian: true)), BlockParameter.CreateLatest()), cancellationToken);
            var hint = atLatest is null ? string.Empty
                : atLatest.HexToByteArray().Any(b => b != 0) ? " (the first is in the outbox at the latest block: the batch names a block before it was sent)"
                : " (the first is not in the outbox at the latest block either)";
            refusal = $"{unproven.Count} of {leaves.Count} leaves are not proven in the source vault's outbox at block {blockNumber}: {string.Join(", ", unproven.Take(3).Select(l => l.ToHex(prefix: true)))}{hint}";
        }

        return SourceVerification.Refused(refusal ?? $"no endpoint answered eth_getProof at block {blockNumber}");
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await call().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

/// <summary>The outcome of a member's check: proven at a block hash, or refused with the reason in words.</summary>
public sealed record SourceVerification(bool IsProven, string? BlockHash, string? Refusal)
{
    public static SourceVerification Proven(string blockHash) => new(true, blockHash, null);

    public static SourceVerification Refused(string reason) => new(false, null, reason);
}
