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
/// (<c>MessageExecuted</c> and <c>BatchExecuted</c> events), counted per leaf, and every transfer a
/// destination voided (<c>TransferVoided</c>: it never executes; its refund is a transfer of its own).
/// </summary>
public sealed class BridgeLedger
{
    private BridgeLedger(Dictionary<string, (BigInteger Amount, long Destination)> initiated, Dictionary<string, int> executions, HashSet<string> voids)
    {
        Initiated = initiated;
        Executions = executions;
        Voids = voids;
    }

    /// <summary>Leaf → amount and destination chain.</summary>
    public IReadOnlyDictionary<string, (BigInteger Amount, long Destination)> Initiated { get; }

    /// <summary>Leaf → how many times a destination executed it.</summary>
    public IReadOnlyDictionary<string, int> Executions { get; }

    /// <summary>Leaves a destination voided.</summary>
    public IReadOnlySet<string> Voids { get; }

    public BigInteger Locked => Initiated.Values.Aggregate(BigInteger.Zero, (sum, t) => sum + t.Amount);

    public BigInteger Executed => Initiated.Where(t => Executions.ContainsKey(t.Key)).Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value.Amount);

    public BigInteger Voided => Initiated.Where(t => Voids.Contains(t.Key)).Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value.Amount);

    public BigInteger InFlight => Initiated.Where(t => !Executions.ContainsKey(t.Key) && !Voids.Contains(t.Key)).Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value.Amount);

    public static async Task<BridgeLedger> ReadAsync(IEnumerable<DevnetChain> chains)
    {
        var initiated = new Dictionary<string, (BigInteger, long)>(StringComparer.Ordinal);
        var executions = new Dictionary<string, int>(StringComparer.Ordinal);
        var voids = new HashSet<string>(StringComparer.Ordinal);
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

            voids.UnionWith(logs.DecodeAllEvents<TransferVoidedEvent>().Select(e => e.Event.Leaf.ToHex(prefix: true)));
        }

        return new BridgeLedger(initiated, executions, voids);
    }
}
