using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Verification;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;

namespace MarginBridge.Chains.Committee;

/// <summary>
/// One committee member's judgement of a batch: it signs the batch root for the destination inbox
/// only after it checked, on the source chain through its own endpoints, that the source block is
/// hard-final for that chain's layer kind and that every message of the batch is in the source
/// vault's outbox. Otherwise it refuses, and says why.
/// </summary>
public sealed class BatchAttestor
{
    private readonly EthECKey _key;
    private readonly Dictionary<long, (ChainOptions Chain, IReadOnlyList<IWeb3> Endpoints)> _sources;

    public BatchAttestor(EthECKey key, IEnumerable<ChainOptions> chains)
    {
        _key = key;
        _sources = chains.ToDictionary(
            c => c.ChainId,
            c => (c, (IReadOnlyList<IWeb3>)[.. c.RpcUrls.Select(u => new Web3(new RpcClient(new Uri(u))))]));
        Member = key.GetPublicAddress();
    }

    public string Member { get; }

    public async Task<Attestation> AttestAsync(AttestationRequest request, CancellationToken cancellationToken)
    {
        var route = request.Route;
        if (request.Transfers.Count == 0)
        {
            return Attestation.Refused(Member, "an empty batch has nothing to attest");
        }

        var leaves = request.Transfers.Select(t => MessageLeaf.Transfer(route, t)).ToList();
        var check = await CheckSentAsync((long)route.SrcChainId, route.SrcContract, leaves, request.SourceBlock, cancellationToken);
        if (!check.IsProven)
        {
            return Attestation.Refused(Member, check.Reason!);
        }

        var tree = new MerkleTree(leaves);
        var digest = TypedData.RootAttestation(TypedData.DomainSeparator(route.DstChainId, route.DstContract), route.SrcChainId, route.SrcContract, request.BatchNumber, tree.Root, (uint)leaves.Count);
        var signature = CommitteeSignatures.Sign(digest, [_key]).Single();
        return new Attestation(Member, true, tree.Root.ToHex(prefix: true), signature, null);
    }

    /// <summary>
    /// Whether every leaf is in the outbox of <paramref name="srcContract"/>, the configured vault
    /// of the source chain, at a block that is hard-final by the chain's rule as the member's own
    /// endpoints see it (and <paramref name="namedBlock"/> is final too); otherwise why not, and
    /// whether that is settled (a wrong vault, a leaf the agreed state does not hold) or could
    /// change (an endpoint down, endpoints disagreeing, a block not final yet).
    /// </summary>
    public async Task<SentCheck> CheckSentAsync(long srcChainId, string srcContract, IReadOnlyList<byte[]> leaves, long namedBlock, CancellationToken cancellationToken)
    {
        if (!_sources.TryGetValue(srcChainId, out var source))
        {
            return SentCheck.Open($"source chain {srcChainId} is not a chain this member watches");
        }

        if (!string.Equals(source.Chain.Vault, srcContract, StringComparison.OrdinalIgnoreCase))
        {
            return SentCheck.Settled($"{srcContract} is not the MarginVault of chain {srcChainId}");
        }

        var (finalBlock, notFinal) = await FindHardFinalBlockAsync(source.Chain, source.Endpoints, namedBlock, cancellationToken);
        if (finalBlock is null)
        {
            return SentCheck.Open(notFinal!);
        }

        // The outbox only ever grows: proving every leaf at the member's own freshest hard-final
        // block shows each was sent at or before a final block, whatever block the silo named.
        var verification = await new SentMessageVerifier(source.Endpoints, source.Chain.Vault).VerifyAsync(leaves, finalBlock.Value, cancellationToken);
        return verification.IsProven ? SentCheck.Proven
            : verification.IsUndecided ? SentCheck.Open(verification.Refusal!)
            : SentCheck.Settled(verification.Refusal!);
    }

    /// <summary>
    /// The highest block that is hard-final by the chain's rule as the member's own endpoints see
    /// the chain, provided the block the silo named is final too; otherwise why not.
    /// </summary>
    private static async Task<(long? Block, string? Refusal)> FindHardFinalBlockAsync(ChainOptions chain, IReadOnlyList<IWeb3> endpoints, long named, CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints)
        {
            try
            {
                var head = ToRef(await GetBlockAsync(endpoint, BlockParameter.CreateLatest(), cancellationToken));
                var block = await GetBlockAsync(endpoint, new BlockParameter(new HexBigInteger(named)), cancellationToken);
                if (block is null)
                {
                    return (null, $"block {named} does not exist on chain {chain.ChainId} yet");
                }

                bool IsFinal(BlockRef b) => FinalityRule.IsHardFinal(chain.Kind, chain.Finality, b.Number, b.Timestamp, head);
                if (!IsFinal(ToRef(block)))
                {
                    return (null, $"block {named} is not hard-final yet on {chain.Name} ({chain.Kind}; head {head.Number})");
                }

                return (await HardFinalSearch.FindAsync(chain, head, named, async n =>
                    await GetBlockAsync(endpoint, new BlockParameter(new HexBigInteger(n)), cancellationToken) is { } b ? ToRef(b) : null), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Try the member's next endpoint.
            }
        }

        return (null, $"no endpoint of chain {chain.ChainId} answered");
    }

    private static Task<BlockWithTransactionHashes?> GetBlockAsync(IWeb3 endpoint, BlockParameter block, CancellationToken cancellationToken) =>
        endpoint.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(block).WaitAsync(cancellationToken)!;

    private static BlockRef ToRef(BlockWithTransactionHashes? block) => block is null
        ? throw new InvalidOperationException("the endpoint returned no block")
        : new BlockRef((long)block.Number.Value, block.BlockHash, block.ParentHash, (long)block.Timestamp.Value);
}

/// <summary>A member's check of leaves against a source outbox: proven, or the reason and whether it is settled.</summary>
public sealed record SentCheck(bool IsProven, string? Reason, bool IsSettled)
{
    public static readonly SentCheck Proven = new(true, null, false);

    public static SentCheck Settled(string reason) => new(false, reason, true);

    public static SentCheck Open(string reason) => new(false, reason, false);
}

/// <summary>A batch a member is asked to attest: its route, number, the source block it is final at, and its transfers in leaf order.</summary>
public sealed record AttestationRequest(RouteStruct Route, ulong BatchNumber, long SourceBlock, IReadOnlyList<TransferStruct> Transfers);

/// <summary>A member's answer: a signature over the root attestation, or a refusal with its reason.</summary>
public sealed record Attestation(string Member, bool IsSigned, string? Root, SignatureStruct? Signature, string? Refusal)
{
    public static Attestation Refused(string member, string reason) => new(member, false, null, null, reason);
}
