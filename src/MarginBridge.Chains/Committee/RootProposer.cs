using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.NonceServices;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace MarginBridge.Chains.Committee;

/// <summary>
/// A member's side of an optimistic route: asked to propose a batch, it checks the batch exactly
/// as it would before signing one, then sends <c>proposeRoot</c> with the leaves from its own key to
/// the destination inbox. Its fellow members watch the proposal (<see cref="ProposalWatcher"/>).
/// </summary>
public sealed class RootProposer : IDisposable
{
    private readonly BatchAttestor _attestor;
    private readonly Dictionary<long, (ChainOptions Chain, Web3 Web3)> _destinations;
    private readonly SemaphoreSlim _sending = new(1, 1);

    public RootProposer(EthECKey key, IEnumerable<ChainOptions> chains, BatchAttestor attestor)
    {
        _attestor = attestor;
        _destinations = chains.ToDictionary(c => c.ChainId, c =>
        {
            var account = new Account(key, c.ChainId);
            var web3 = new Web3(account, c.RpcUrls[0]);
            account.NonceService = new InMemoryNonceService(account.Address, web3.Client);
            return (c, web3);
        });
    }

    public string Member => _attestor.Member;

    public void Dispose() => _sending.Dispose();

    public async Task<Proposal> ProposeAsync(AttestationRequest request, CancellationToken cancellationToken)
    {
        var route = request.Route;
        if (!_destinations.TryGetValue((long)route.DstChainId, out var destination) || !string.Equals(destination.Chain.Vault, route.DstContract, StringComparison.OrdinalIgnoreCase))
        {
            return Proposal.Refused(Member, $"{route.DstContract} on chain {route.DstChainId} is not an inbox this member knows");
        }

        if (request.Transfers.Count == 0)
        {
            return Proposal.Refused(Member, "an empty batch has nothing to propose");
        }

        var leaves = request.Transfers.Select(t => MessageLeaf.Transfer(route, t)).ToList();
        var check = await _attestor.CheckSentAsync((long)route.SrcChainId, route.SrcContract, leaves, request.SourceBlock, cancellationToken);
        if (!check.IsProven)
        {
            return Proposal.Refused(Member, check.Reason!);
        }

        var root = new MerkleTree(leaves).Root;
        var propose = new ProposeRootFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = request.BatchNumber, Root = root, Leaves = leaves };
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var handler = destination.Web3.Eth.GetContractTransactionHandler<ProposeRootFunction>();
            var estimate = await handler.EstimateGasAsync(destination.Chain.Vault, propose);
            propose.Gas = new Nethereum.Hex.HexTypes.HexBigInteger(GasMargin.Over(estimate.Value));
            var hash = await handler.SendRequestAsync(destination.Chain.Vault, propose);
            return new Proposal(Member, root.ToHex(prefix: true), hash, null);
        }
        catch (Exception e) when (e is Nethereum.Contracts.SmartContractCustomErrorRevertException or Nethereum.JsonRpc.Client.RpcResponseException)
        {
            // A stale nonce must not survive a refused send.
            await destination.Web3.TransactionManager.Account.NonceService.ResetNonceAsync();
            return Proposal.Refused(Member, $"the inbox refuses the proposal: {Describe(e)}");
        }
        finally
        {
            _sending.Release();
        }
    }

    private static string Describe(Exception e) => e switch
    {
        Nethereum.Contracts.SmartContractCustomErrorRevertException custom => RevertReasons.Describe(custom),
        Nethereum.JsonRpc.Client.RpcResponseException rpc => RevertReasons.Describe(rpc) ?? rpc.Message,
        _ => e.Message,
    };
}

/// <summary>A member's answer to a proposal request: the root and the transaction that proposes it, or the refusal in words.</summary>
public sealed record Proposal(string Member, string? Root, string? TransactionHash, string? Refusal)
{
    public bool IsSent => TransactionHash is not null;

    public static Proposal Refused(string member, string reason) => new(member, null, null, reason);
}
