using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Cli.Bench;

/// <summary>
/// Follows every vault's own events, as the chains record them: where and when each leaf was
/// executed, in which transaction and batch, and which transaction carried each accepted root.
/// </summary>
public sealed class ExecutionWatcher(IReadOnlyList<DevnetChain> chains)
{
    private readonly Dictionary<long, long> _cursors = chains.ToDictionary(c => c.Options.ChainId, _ => 0L);
    private readonly Dictionary<(long Chain, long Block), long> _timestamps = [];

    /// <summary>Leaf → where it was executed.</summary>
    public Dictionary<string, Execution> Executions { get; } = new(StringComparer.Ordinal);

    /// <summary>Transactions that carried a root, per destination chain.</summary>
    public HashSet<(long Chain, string Transaction)> RootTransactions { get; } = [];

    public async Task PollAsync()
    {
        foreach (var chain in chains)
        {
            var web3 = chain.Node.Web3For(chain.Node.Accounts[0]);
            var head = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
            var from = _cursors[chain.Options.ChainId] + 1;
            if (from > head)
            {
                continue;
            }

            var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
            {
                Address = [chain.Contracts.Vault],
                FromBlock = new BlockParameter(new HexBigInteger(from)),
                ToBlock = new BlockParameter(new HexBigInteger(head)),
            });
            foreach (var e in logs.DecodeAllEvents<BatchExecutedEvent>())
            {
                await AddAsync(chain, e.Log, e.Event.Leaves, e.Event.Leaves.Count);
            }

            foreach (var e in logs.DecodeAllEvents<MessageExecutedEvent>())
            {
                await AddAsync(chain, e.Log, [e.Event.Leaf], 1);
            }

            foreach (var e in logs.DecodeAllEvents<RootAcceptedEvent>())
            {
                RootTransactions.Add((chain.Options.ChainId, e.Log.TransactionHash));
            }

            _cursors[chain.Options.ChainId] = head;
        }
    }

    public async Task<long> BlockTimestampAsync(DevnetChain chain, long block)
    {
        if (!_timestamps.TryGetValue((chain.Options.ChainId, block), out var timestamp))
        {
            var header = await chain.Node.Web3For(chain.Node.Accounts[0]).Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(block)));
            timestamp = (long)header.Timestamp.Value;
            _timestamps[(chain.Options.ChainId, block)] = timestamp;
        }

        return timestamp;
    }

    private async Task AddAsync(DevnetChain chain, FilterLog log, IEnumerable<byte[]> leaves, int batchSize)
    {
        var block = (long)log.BlockNumber.Value;
        var timestamp = await BlockTimestampAsync(chain, block);
        foreach (var leaf in leaves)
        {
            Executions.TryAdd(leaf.ToHex(prefix: true), new Execution(chain.Options.ChainId, block, timestamp, log.TransactionHash, batchSize));
        }
    }
}

/// <param name="BatchSize">How many leaves the executing transaction carried.</param>
public sealed record Execution(long Chain, long Block, long Timestamp, string Transaction, int BatchSize);
