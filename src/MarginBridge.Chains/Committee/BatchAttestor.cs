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
        if (!_sources.TryGetValue((long)route.SrcChainId, out var source))
        {
            return Attestation.Refused(Member, $"source chain {route.SrcChainId} is not a chain this member watches");
        }

        if (!string.Equals(source.Chain.Vault, route.SrcContract, StringComparison.OrdinalIgnoreCase))
        {
            return Attestation.Refused(Member, $"{route.SrcContract} is not the MarginVault of chain {route.SrcChainId}");
        }

        if (request.Transfers.Count == 0)
        {
            return Attestation.Refused(Member, "an empty batch has nothing to attest");
        }

        var finality = await CheckFinalityAsync(source.Chain, source.Endpoints, request.SourceBlock, cancellationToken);
        if (finality is not null)
        {
            return Attestation.Refused(Member, finality);
        }

        var leaves = request.Transfers.Select(t => MessageLeaf.Transfer(route, t)).ToList();
        var verification = await new SentMessageVerifier(source.Endpoints, source.Chain.Vault).VerifyAsync(leaves, request.SourceBlock, cancellationToken);
        if (!verification.IsProven)
        {
            return Attestation.Refused(Member, verification.Refusal!);
        }

        var tree = new MerkleTree(leaves);
        var digest = TypedData.RootAttestation(TypedData.DomainSeparator(route.DstChainId, route.DstContract), route.SrcChainId, route.SrcContract, request.BatchNumber, tree.Root, (uint)leaves.Count);
        var signature = CommitteeSignatures.Sign(digest, [_key]).Single();
        return new Attestation(Member, true, tree.Root.ToHex(prefix: true), signature, null);
    }

    /// <summary>Null when the block is hard-final by the chain's rule, as the member's own endpoints see the chain.</summary>
    private static async Task<string?> CheckFinalityAsync(ChainOptions chain, IReadOnlyList<IWeb3> endpoints, long blockNumber, CancellationToken cancellationToken)
    {
        foreach (var endpoint in endpoints)
        {
            try
            {
                var blocks = endpoint.Eth.Blocks.GetBlockWithTransactionsHashesByNumber;
                var head = await blocks.SendRequestAsync(BlockParameter.CreateLatest()).WaitAsync(cancellationToken);
                var block = await blocks.SendRequestAsync(new BlockParameter(new HexBigInteger(blockNumber))).WaitAsync(cancellationToken);
                if (block is null)
                {
                    return $"block {blockNumber} does not exist on chain {chain.ChainId} yet";
                }

                var headRef = new BlockRef((long)head.Number.Value, head.BlockHash, head.ParentHash, (long)head.Timestamp.Value);
                return FinalityRule.IsHardFinal(chain.Kind, chain.Finality, blockNumber, (long)block.Timestamp.Value, headRef)
                    ? null
                    : $"block {blockNumber} is not hard-final yet on {chain.Name} ({chain.Kind}; head {headRef.Number})";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Try the member's next endpoint.
            }
        }

        return $"no endpoint of chain {chain.ChainId} answered";
    }
}

/// <summary>A batch a member is asked to attest: its route, number, the source block it is final at, and its transfers in leaf order.</summary>
public sealed record AttestationRequest(RouteStruct Route, ulong BatchNumber, long SourceBlock, IReadOnlyList<TransferStruct> Transfers);

/// <summary>A member's answer: a signature over the root attestation, or a refusal with its reason.</summary>
public sealed record Attestation(string Member, bool IsSigned, string? Root, SignatureStruct? Signature, string? Refusal)
{
    public static Attestation Refused(string member, string reason) => new(member, false, null, null, reason);
}
