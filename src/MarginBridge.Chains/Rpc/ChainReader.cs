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

    public async Task<IReadOnlyList<EventLog<DepositedEvent>>> GetDepositsAsync(string vault, long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        var filter = new NewFilterInput
        {
            Address = [vault],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
            Topics = [Event<DepositedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix()],
        };
        var logs = await pool.ExecuteAsync(web3 => web3.Eth.Filters.GetLogs.SendRequestAsync(filter), cancellationToken);
        return logs.DecodeAllEvents<DepositedEvent>();
    }

    private static BlockRef? ToRef(BlockWithTransactionHashes? block) => block is null
        ? null
        : new BlockRef((long)block.Number.Value, block.BlockHash, block.ParentHash, (long)block.Timestamp.Value);
}
