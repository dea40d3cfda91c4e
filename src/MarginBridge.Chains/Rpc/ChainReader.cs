using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Chains.Rpc;

/// <summary>The reads a relayer makes of its chain, each through the endpoint pool.</summary>
public sealed class ChainReader(RpcEndpointPool pool)
{
    public IReadOnlyList<EndpointStatus> Endpoints => pool.Health;

    public async Task<BlockRef> GetHeadAsync(CancellationToken cancellationToken)
    {
        var block = await pool.ExecuteAsync(
            web3 => web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()),
            cancellationToken);
        return ToRef(block) ?? throw new InvalidOperationException("the endpoint returned no latest block");
    }

    /// <summary>The block at that height on the endpoint's canonical chain, or null when the chain is shorter.</summary>
    public async Task<BlockRef?> GetBlockAsync(long number, CancellationToken cancellationToken)
    {
        var block = await pool.ExecuteAsync(
            web3 => web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number))),
            cancellationToken);
        return ToRef(block);
    }

    /// <summary>The vault's <c>Deposited</c> and <c>TransferInitiated</c> events of a block range, in one <c>eth_getLogs</c>.</summary>
    public async Task<VaultEvents> GetVaultEventsAsync(string vault, long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        var filter = new NewFilterInput
        {
            Address = [vault],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
            Topics = [new[] { DepositedTopic, TransferInitiatedTopic }],
        };
        var logs = await pool.ExecuteAsync(web3 => web3.Eth.Filters.GetLogs.SendRequestAsync(filter), cancellationToken);
        return new VaultEvents(logs.DecodeAllEvents<DepositedEvent>(), logs.DecodeAllEvents<TransferInitiatedEvent>());
    }

    private static readonly string DepositedTopic = Event<DepositedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();
    private static readonly string TransferInitiatedTopic = Event<TransferInitiatedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();

    private static BlockRef? ToRef(BlockWithTransactionHashes? block) => block is null
        ? null
        : new BlockRef((long)block.Number.Value, block.BlockHash, block.ParentHash, (long)block.Timestamp.Value);
}

/// <summary>What a vault emitted in a block range that the relayer acts on.</summary>
public sealed record VaultEvents(IReadOnlyList<EventLog<DepositedEvent>> Deposits, IReadOnlyList<EventLog<TransferInitiatedEvent>> Transfers);
