using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace MarginBridge.Chains.Verification;

/// <summary>
/// What a committee member checks on the source chain before it signs a batch: the block's hash
/// and state root are the same on at least <paramref name="agreeing"/> of its endpoints (two for a
/// member; no endpoint may say otherwise), and every leaf is in the source vault's
/// <c>sentMessages</c> under that state root, by a storage proof it verifies itself. Proofs from
/// different endpoints add up, since each is checked against the agreed root. A lying endpoint can
/// make it refuse (delay), never make it sign. The silo runs the same check with one agreeing
/// endpoint before it batches, so a log an endpoint made up never reaches a batch.
/// </summary>
public sealed class SentMessageVerifier(IReadOnlyList<IWeb3> endpoints, string vault, int agreeing = 2, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(10);

    public async Task<SourceVerification> VerifyAsync(IReadOnlyList<byte[]> leaves, long blockNumber, CancellationToken cancellationToken)
    {
        var block = new BlockParameter(new HexBigInteger(blockNumber));
        var headers = await Task.WhenAll(endpoints.Select(e => TryAsync(_timeout, () => e.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(block), cancellationToken)));
        var answered = headers.OfType<BlockWithTransactionHashes>().ToList();
        if (answered.Count < agreeing)
        {
            return SourceVerification.Undecided($"only {answered.Count} endpoint(s) gave block {blockNumber}; at least {(agreeing == 1 ? "one" : agreeing.ToString(System.Globalization.CultureInfo.InvariantCulture))} must{(agreeing == 1 ? string.Empty : " agree on it")}");
        }

        var identities = answered.Select(h => (Hash: h.BlockHash.ToLowerInvariant(), StateRoot: h.StateRoot.ToLowerInvariant())).Distinct().ToList();
        if (identities.Count > 1)
        {
            return SourceVerification.Undecided($"endpoints disagree on block {blockNumber}: {string.Join(" vs ", identities.Select(i => i.Hash))}");
        }

        var stateRoot = identities[0].StateRoot.HexToByteArray();
        var slots = leaves.Select(StorageProofs.SentMessageSlot).ToList();
        var keys = slots.Select(s => s.ToHex(prefix: true)).ToArray();
        var proven = new bool[leaves.Count];
        var anyProof = false;
        foreach (var endpoint in endpoints)
        {
            var proof = await TryAsync(_timeout, () => endpoint.Eth.GetProof.SendRequestAsync(vault, keys, block), cancellationToken);
            if (proof is null)
            {
                continue;
            }

            anyProof = true;
            for (var i = 0; i < leaves.Count; i++)
            {
                proven[i] = proven[i] || StorageProofs.ProvesTrue(stateRoot, vault, slots[i], proof);
            }

            if (proven.All(p => p))
            {
                return SourceVerification.Proven(identities[0].Hash);
            }
        }

        if (!anyProof)
        {
            return SourceVerification.Undecided($"no endpoint answered eth_getProof at block {blockNumber}");
        }

        // A proof that does not verify may come from a lying endpoint; the hint is only a hint.
        var unproven = leaves.Where((_, i) => !proven[i]).ToList();
        var first = unproven[0];
        var atLatest = await TryAsync(_timeout, () => endpoints[0].Eth.GetStorageAt.SendRequestAsync(vault, new HexBigInteger(new System.Numerics.BigInteger(StorageProofs.SentMessageSlot(first), isUnsigned: true, isBigEndian: true)), BlockParameter.CreateLatest()), cancellationToken);
        var hint = atLatest is null ? string.Empty
            : atLatest.HexToByteArray().Any(b => b != 0) ? " (the first is in the outbox at the latest block: the batch names a block before it was sent)"
            : " (the first is not in the outbox at the latest block either)";
        return new SourceVerification(false, identities[0].Hash, $"{unproven.Count} of {leaves.Count} leaves are not proven in the source vault's outbox at block {blockNumber}: {string.Join(", ", unproven.Take(3).Select(l => l.ToHex(prefix: true)))}{hint}", unproven);
    }

    private static async Task<T?> TryAsync<T>(TimeSpan timeout, Func<Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await call().WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

/// <summary>
/// The outcome of a check: proven at a block hash; or not, with the reason in words and, when the
/// block itself was agreed, the leaves that no endpoint proved (the rest are proven).
/// </summary>
public sealed record SourceVerification(bool IsProven, string? BlockHash, string? Refusal, IReadOnlyList<byte[]> Unproven)
{
    public static SourceVerification Proven(string blockHash) => new(true, blockHash, null, []);

    /// <summary>Not proven, and nothing settled either: the block could not be agreed or no proof came back.</summary>
    public bool IsUndecided => !IsProven && Unproven.Count == 0;

    /// <summary>Nothing could be checked (too few endpoints, or they disagree on the block).</summary>
    public static SourceVerification Undecided(string reason) => new(false, null, reason, []);
}
