using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>
/// The bridge's books as the chains tell them, not as the silo remembers them: every
/// <c>TransferInitiated</c> on every source vault and every leaf executed on every destination
/// (<c>MessageExecuted</c> and <c>BatchExecuted</c> events), counted per leaf.
/// </summary>
public sealed class BridgeLedger
{
    private BridgeLedger(Dictionary<string, (BigInteger Amount, long Destination)> initiated, Dictionary<string, int> executions)
    {
        Initiated = initiated;
        Executions = executions;
    }

    /// <summary>Leaf → amount and destination chain.</summary>
    public IReadOnlyDictionary<string, (BigInteger Amount, long Destination)> Initiated { get; }

    /// <summary>Leaf → how many times a destination executed it.</summary>
    public IReadOnlyDictionary<string, int> Executions { get; }

    public BigInteger Locked => Initiated.Values.Aggregate(BigInteger.Zero, (sum, t) => sum + t.Amount);

    public BigInteger Executed => Initiated.Where(t => Executions.ContainsKey(t.Key)).Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value.Amount);

    public BigInteger InFlight => Initiated.Where(t => !Executions.ContainsKey(t.Key)).Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value.Amount);

    public static async Task<BridgeLedger> ReadAsync(IEnumerable<DevnetChain> chains)
    {
        var initiated = new Dictionary<string, (BigInteger, long)>(StringComparer.Ordinal);
        var executions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in chains)
        {
            var web3 = chain.Node.Web3For(chain.Node.Accounts[0]);
            var filter = new NewFilterInput
            {
                Address = [chain.Contracts.Vault],
                FromBlock = new BlockParameter(new HexBigInteger(0)),
                ToBlock = BlockParameter.CreateLatest(),
            };
            var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(filter);
            foreach (var e in logs.DecodeAllEvents<TransferInitiatedEvent>())
            {
                initiated[e.Event.Leaf.ToHex(prefix: true)] = (e.Event.Amount, (long)e.Event.DstChainId);
            }

            var leaves = logs.DecodeAllEvents<MessageExecutedEvent>().Select(e => e.Event.Leaf)
                .Concat(logs.DecodeAllEvents<BatchExecutedEvent>().SelectMany(e => e.Event.Leaves));
            foreach (var leaf in leaves.Select(l => l.ToHex(prefix: true)))
            {
                executions[leaf] = executions.GetValueOrDefault(leaf) + 1;
            }
        }

        return new BridgeLedger(initiated, executions);
    }
}
