using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Microsoft.Extensions.Logging;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace MarginBridge.Chains.Committee;

/// <summary>
/// A committee member's watch over optimistic roots on every chain it watches. A proposed root is
/// judged while its challenge window is open: its published leaves must rebuild it, and each must
/// be in the outbox of the source chain's configured vault at a block that is hard-final by the
/// member's own endpoints. A root that fails for a settled reason is challenged from the member's
/// key, which voids it and pauses its route; a check that cannot be decided yet (an endpoint down,
/// endpoints disagreeing, a source block not final) is repeated until the window closes.
/// </summary>
public sealed partial class ProposalWatcher(EthECKey key, IReadOnlyList<ChainOptions> chains, BatchAttestor attestor, ILogger logger)
{
    private const int MaxBlockRange = 2_000;
    private readonly Dictionary<long, long> _nextBlock = [];
    private readonly Dictionary<long, List<RootProposedEvent>> _undecided = [];
    private readonly Dictionary<string, Web3> _clients = new(StringComparer.Ordinal);

    /// <summary>One pass over every chain; a chain whose endpoints all fail is skipped until the next pass.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var chain in chains)
        {
            foreach (var url in chain.RpcUrls)
            {
                try
                {
                    await PollChainAsync(chain, ClientFor(chain, url), cancellationToken);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogEndpointFailed(chain.Name, url, e.Message);
                }
            }
        }
    }

    /// <summary>One client per endpoint for the life of the watcher, signing with the member's key on that chain.</summary>
    private Web3 ClientFor(ChainOptions chain, string url)
    {
        var name = $"{chain.ChainId} {url}";
        if (!_clients.TryGetValue(name, out var client))
        {
            client = new Web3(new Account(key, chain.ChainId), url);
            _clients[name] = client;
        }

        return client;
    }

    private async Task PollChainAsync(ChainOptions chain, Web3 web3, CancellationToken cancellationToken)
    {
        var head = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()).WaitAsync(cancellationToken);
        var from = _nextBlock.GetValueOrDefault(chain.ChainId, chain.StartBlock);
        var to = Math.Min((long)head.Number.Value, from + MaxBlockRange - 1);
        var pending = _undecided.GetValueOrDefault(chain.ChainId) ?? [];
        if (from <= to)
        {
            var events = web3.Eth.GetEvent<RootProposedEvent>(chain.Vault);
            var logs = await events.GetAllChangesAsync(events.CreateFilterInput(new BlockParameter(new HexBigInteger(from)), new BlockParameter(new HexBigInteger(to)))).WaitAsync(cancellationToken);
            pending.AddRange(logs.Select(l => l.Event));
        }

        var stillOpen = new List<RootProposedEvent>();
        foreach (var proposal in pending.Where(p => p.AcceptableAt > (ulong)head.Timestamp.Value))
        {
            if (!await JudgeAsync(chain, web3, proposal, cancellationToken))
            {
                stillOpen.Add(proposal);
            }
        }

        _undecided[chain.ChainId] = stillOpen;
        _nextBlock[chain.ChainId] = Math.Max(from, to + 1);
    }

    /// <summary>True when the proposal is decided: accepted as sound, or challenged.</summary>
    private async Task<bool> JudgeAsync(ChainOptions chain, Web3 web3, RootProposedEvent proposal, CancellationToken cancellationToken)
    {
        var root = new MerkleTree(proposal.Leaves).Root;
        var check = root.AsSpan().SequenceEqual(proposal.Root)
            ? await attestor.CheckSentAsync((long)proposal.SrcChainId, proposal.SrcContract, proposal.Leaves, 0, cancellationToken)
            : SentCheck.Settled($"its {proposal.Leaves.Count} published leaves build root {root.ToHex(prefix: true)}, not the proposed {proposal.Root.ToHex(prefix: true)}");
        if (check.IsProven)
        {
            LogSound(chain.Name, proposal.SrcChainId, proposal.BatchNumber, proposal.Leaves.Count);
            return true;
        }

        if (!check.IsSettled)
        {
            LogUndecided(chain.Name, proposal.SrcChainId, proposal.BatchNumber, check.Reason!);
            return false;
        }

        var challenge = new ChallengeFunction { SrcChainId = proposal.SrcChainId, SrcContract = proposal.SrcContract, BatchNumber = proposal.BatchNumber };
        try
        {
            var receipt = await web3.Eth.GetContractTransactionHandler<ChallengeFunction>().SendRequestAndWaitForReceiptAsync(chain.Vault, challenge, cancellationToken);
            LogChallenged(chain.Name, proposal.SrcChainId, proposal.BatchNumber, check.Reason!, receipt.TransactionHash);
        }
        catch (Exception e) when (e is SmartContractCustomErrorRevertException or Nethereum.JsonRpc.Client.RpcResponseException)
        {
            // Voided by another watcher already, or the window closed meanwhile: nothing left to do.
            LogChallengeRefused(chain.Name, proposal.SrcChainId, proposal.BatchNumber, e.Message);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "watching {Chain}: endpoint {Url} failed: {Error}")]
    private partial void LogEndpointFailed(string chain, string url, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "root of batch {BatchNumber} from chain {Source} proposed on {Chain} is sound ({Leaves} leaves proven on the source)")]
    private partial void LogSound(string chain, ulong source, ulong batchNumber, int leaves);

    [LoggerMessage(Level = LogLevel.Information, Message = "root of batch {BatchNumber} from chain {Source} proposed on {Chain}: not decided yet: {Reason}")]
    private partial void LogUndecided(string chain, ulong source, ulong batchNumber, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "challenged the root of batch {BatchNumber} from chain {Source} on {Chain}: {Reason} (tx {Transaction})")]
    private partial void LogChallenged(string chain, ulong source, ulong batchNumber, string reason, string transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "root of batch {BatchNumber} from chain {Source} on {Chain} is bad but the challenge was refused: {Revert}")]
    private partial void LogChallengeRefused(string chain, ulong source, ulong batchNumber, string revert);
}
