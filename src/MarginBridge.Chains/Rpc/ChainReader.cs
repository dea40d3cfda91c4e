using System.Globalization;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Chains.Rpc;

/// <summary>The reads (and raw sends) a relayer makes on its chain, each through the endpoint pool.</summary>
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

    /// <summary>
    /// The vault's <c>Deposited</c>, <c>TransferInitiated</c>, <c>Withdrawn</c> and <c>LiquidationSettled</c> events and the
    /// venues' <c>PositionChanged</c> events of a block range, in one <c>eth_getLogs</c>.
    /// </summary>
    public async Task<ChainEvents> GetChainEventsAsync(string vault, IReadOnlyList<string> venues, long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        var filter = new NewFilterInput
        {
            Address = [vault, .. venues],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
            Topics = [new[] { DepositedTopic, TransferInitiatedTopic, WithdrawnTopic, LiquidationSettledTopic, PositionChangedTopic }],
        };
        var logs = await pool.ExecuteAsync(web3 => web3.Eth.Filters.GetLogs.SendRequestAsync(filter), cancellationToken);
        bool FromVault(FilterLog log) => string.Equals(log.Address, vault, StringComparison.OrdinalIgnoreCase);
        var vaultLogs = logs.Where(FromVault).ToArray();
        var venueLogs = logs.Where(l => !FromVault(l)).ToArray();
        return new ChainEvents(
            vaultLogs.DecodeAllEvents<DepositedEvent>(),
            vaultLogs.DecodeAllEvents<TransferInitiatedEvent>(),
            vaultLogs.DecodeAllEvents<WithdrawnEvent>(),
            vaultLogs.DecodeAllEvents<LiquidationSettledEvent>(),
            venueLogs.DecodeAllEvents<PositionChangedEvent>());
    }

    /// <summary>
    /// The hash every endpoint gives for block <paramref name="number"/>: endpoints that name
    /// different hashes for one height disagree about the chain (one of them lies or is forked).
    /// </summary>
    public async Task<IReadOnlyList<EndpointAnswer<string>>> GetBlockHashOnEachAsync(long number, CancellationToken cancellationToken) =>
        await pool.AskEachAsync(
            async web3 => (await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number))))?.BlockHash
                ?? throw new InvalidOperationException($"no block {number}"),
            cancellationToken);

    /// <summary>
    /// <c>PositionChanged</c> reports from the venues in a block range: one account's, or with
    /// <paramref name="account"/> null every account's; in one market, or with <paramref name="market"/> null in all.
    /// </summary>
    public async Task<IReadOnlyList<EventLog<PositionChangedEvent>>> GetPositionChangesAsync(IReadOnlyList<string> venues, string? account, byte[]? market, long fromBlock, long toBlock, CancellationToken cancellationToken)
    {
        if (venues.Count == 0)
        {
            return [];
        }

        var filter = new NewFilterInput
        {
            Address = [.. venues],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
            Topics = [PositionChangedTopic, account is null ? null : "0x" + account[2..].ToLowerInvariant().PadLeft(64, '0'), market?.ToHex(prefix: true)],
        };
        var logs = await pool.ExecuteAsync(web3 => web3.Eth.Filters.GetLogs.SendRequestAsync(filter), cancellationToken);
        return logs.DecodeAllEvents<PositionChangedEvent>();
    }

    /// <summary>The vault's <c>LiquidationSettled</c> events of one account's liquidation <paramref name="nonce"/> in a block range.</summary>
    public Task<IReadOnlyList<EventLog<LiquidationSettledEvent>>> GetLiquidationSettlementsAsync(string vault, string account, ulong nonce, long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        GetEventsAsync<LiquidationSettledEvent>(
            vault, ["0x" + account[2..].ToLowerInvariant().PadLeft(64, '0'), null, "0x" + nonce.ToString("x", CultureInfo.InvariantCulture).PadLeft(64, '0')], fromBlock, toBlock, cancellationToken);

    /// <summary>The contract's events of one kind whose indexed fields match <paramref name="indexed"/> (each 32 bytes as 0x hex, null for any), in a block range.</summary>
    public async Task<IReadOnlyList<EventLog<TEvent>>> GetEventsAsync<TEvent>(string contract, IReadOnlyList<string?> indexed, long fromBlock, long toBlock, CancellationToken cancellationToken)
        where TEvent : IEventDTO, new()
    {
        var filter = new NewFilterInput
        {
            Address = [contract],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
            Topics = [Event<TEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix(), .. indexed],
        };
        var logs = await pool.ExecuteAsync(web3 => web3.Eth.Filters.GetLogs.SendRequestAsync(filter), cancellationToken);
        return logs.DecodeAllEvents<TEvent>();
    }

    /// <summary>A view call of a contract at a given block.</summary>
    public Task<TOutput> QueryAtAsync<TFunction, TOutput>(string contract, TFunction function, long block, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        pool.ExecuteAsync(web3 => web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOutput>(contract, function, new BlockParameter(new HexBigInteger(block))), cancellationToken);

    /// <summary>A view call of a contract at the latest block.</summary>
    public Task<TOutput> QueryAsync<TFunction, TOutput>(string contract, TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        pool.ExecuteAsync(web3 => web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOutput>(contract, function), cancellationToken);

    /// <summary>A view call whose output has several values.</summary>
    public Task<TOutput> QueryDeserializingAsync<TFunction, TOutput>(string contract, TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
        where TOutput : IFunctionOutputDTO, new() =>
        pool.ExecuteAsync(web3 => web3.Eth.GetContractQueryHandler<TFunction>().QueryDeserializingToObjectAsync<TOutput>(function, contract), cancellationToken);

    /// <summary>Null while the transaction is not mined (or unknown to the endpoint).</summary>
    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken) =>
        pool.ExecuteAsync<TransactionReceipt?>(async web3 => await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash), cancellationToken);

    public async Task<long> GetTransactionCountAsync(string address, BlockParameter block, CancellationToken cancellationToken) =>
        (long)(await pool.ExecuteAsync(web3 => web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, block), cancellationToken)).Value;

    public async Task<long> EstimateGasAsync(CallInput call, CancellationToken cancellationToken) =>
        (long)(await pool.ExecuteAsync(web3 => web3.Eth.Transactions.EstimateGas.SendRequestAsync(call), cancellationToken)).Value;

    /// <summary>The next block's base fee (from the latest block) and the node's suggested priority fee.</summary>
    public async Task<(System.Numerics.BigInteger BaseFee, System.Numerics.BigInteger PriorityFee)> GetFeesAsync(CancellationToken cancellationToken)
    {
        var block = await pool.ExecuteAsync(web3 => web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()), cancellationToken);
        var tip = await pool.ExecuteAsync(web3 => web3.Eth.GasPrice.SendRequestAsync(), cancellationToken);
        var baseFee = block.BaseFeePerGas?.Value ?? tip.Value;
        return (baseFee, System.Numerics.BigInteger.Max(1_000_000_000, tip.Value - baseFee));
    }

    public Task<string> SendRawTransactionAsync(string signedTransaction, CancellationToken cancellationToken) =>
        pool.ExecuteAsync(web3 => web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signedTransaction), cancellationToken);

    private static readonly string DepositedTopic = Event<DepositedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();
    private static readonly string TransferInitiatedTopic = Event<TransferInitiatedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();
    private static readonly string WithdrawnTopic = Event<WithdrawnEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();
    private static readonly string LiquidationSettledTopic = Event<LiquidationSettledEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();
    private static readonly string PositionChangedTopic = Event<PositionChangedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();

    private static BlockRef? ToRef(BlockWithTransactionHashes? block) => block is null
        ? null
        : new BlockRef((long)block.Number.Value, block.BlockHash, block.ParentHash, (long)block.Timestamp.Value);
}

/// <summary>What a chain's vault and venues emitted in a block range that the relayer acts on.</summary>
public sealed record ChainEvents(
    IReadOnlyList<EventLog<DepositedEvent>> Deposits,
    IReadOnlyList<EventLog<TransferInitiatedEvent>> Transfers,
    IReadOnlyList<EventLog<WithdrawnEvent>> Withdrawals,
    IReadOnlyList<EventLog<LiquidationSettledEvent>> Settlements,
    IReadOnlyList<EventLog<PositionChangedEvent>> Positions)
{
    /// <summary>The blocks holding any of them.</summary>
    public IEnumerable<long> Blocks =>
        Deposits.Select(l => l.Log).Concat(Transfers.Select(l => l.Log)).Concat(Withdrawals.Select(l => l.Log))
            .Concat(Settlements.Select(l => l.Log)).Concat(Positions.Select(l => l.Log))
            .Select(l => (long)l.BlockNumber.Value);
}
