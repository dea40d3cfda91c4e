using System.Diagnostics;
using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.NonceServices;
using Nethereum.Signer;
using Nethereum.Web3;

namespace MarginBridge.Cli.Bench;

/// <summary>
/// Sends <c>initiateTransfer</c> at a steady rate from many funded accounts, round-robin over every
/// ordered pair of chains, without waiting for receipts (each account and chain keeps its own nonce).
/// </summary>
public sealed class TransferLoad
{
    private readonly IReadOnlyList<DevnetChain> _chains;
    private readonly List<(DevnetChain Source, DevnetChain Destination)> _routes;
    private readonly List<Dictionary<long, Web3>> _senders;

    private TransferLoad(IReadOnlyList<DevnetChain> chains, List<Dictionary<long, Web3>> senders)
    {
        _chains = chains;
        _senders = senders;
        _routes = [.. chains.SelectMany(s => chains.Where(d => d != s).Select(d => (s, d)))];
    }

    public static int RouteCount(int chains) => chains * (chains - 1);

    /// <summary>Funds <paramref name="count"/> fresh accounts with gas and <paramref name="collateral"/> on every chain.</summary>
    public static async Task<TransferLoad> PrepareAsync(IReadOnlyList<DevnetChain> chains, DevAccount funder, int count, BigInteger collateral)
    {
        var keys = Enumerable.Range(0, count).Select(_ => EthECKey.GenerateKey()).ToList();
        await Task.WhenAll(chains.Select(async chain =>
        {
            foreach (var key in keys)
            {
                await chain.Node.RpcAsync<object>("anvil_setBalance", key.GetPublicAddress(), "0x3635C9ADC5DEA00000");
            }

            var web3 = chain.Node.Web3For(funder);
            var token = chain.Contracts.Token;
            var vault = chain.Contracts.Vault;
            await web3.Eth.GetContractTransactionHandler<MintFunction>().SendRequestAndWaitForReceiptAsync(token, new MintFunction { To = funder.Address, Amount = collateral * count });
            await web3.Eth.GetContractTransactionHandler<ApproveFunction>().SendRequestAndWaitForReceiptAsync(token, new ApproveFunction { Spender = vault, Amount = collateral * count });
            var account = (Nethereum.Web3.Accounts.Account)web3.TransactionManager.Account;
            account.NonceService = new InMemoryNonceService(funder.Address, web3.Client);
            var handler = web3.Eth.GetContractTransactionHandler<DepositForFunction>();
            var sent = await Task.WhenAll(keys.Select(key => handler.SendRequestAsync(vault, new DepositForFunction
            {
                Account = key.GetPublicAddress(), Token = token, Amount = collateral, Gas = 200_000, MaxFeePerGas = 20_000_000_000, MaxPriorityFeePerGas = 1_000_000_000,
            })));
            await WaitForReceiptsAsync(web3, sent);
        }));

        var senders = keys.Select(key => chains.ToDictionary(
            c => c.Options.ChainId,
            c =>
            {
                var web3 = c.Node.Web3For(new DevAccount(key.GetPublicAddress(), key.GetPrivateKey()));
                var account = (Nethereum.Web3.Accounts.Account)web3.TransactionManager.Account;
                account.NonceService = new InMemoryNonceService(account.Address, web3.Client);
                return web3;
            })).ToList();
        return new TransferLoad(chains, senders);
    }

    /// <summary>Sends <paramref name="count"/> transfers at <paramref name="perSecond"/>; returns each one's source chain and transaction.</summary>
    public async Task<IReadOnlyList<SentTransfer>> RunAsync(double perSecond, int count, BigInteger amount, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<SentTransfer>>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var (source, destination) = _routes[i % _routes.Count];
            var web3 = _senders[i / _routes.Count % _senders.Count][source.Options.ChainId];
            sends.Add(SendAsync(web3, source, destination, amount));
        }

        var sent = await Task.WhenAll(sends);
        Elapsed = clock.Elapsed;
        return sent;
    }

    /// <summary>How long the last run took to send everything.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Waits for every transfer's receipt; returns its leaf, source block and the block's timestamp.</summary>
    public async Task<IReadOnlyList<InitiatedTransfer>> ReceiptsAsync(IReadOnlyList<SentTransfer> sent, ExecutionWatcher watcher)
    {
        var initiated = new List<InitiatedTransfer>();
        foreach (var group in sent.GroupBy(s => s.Source))
        {
            var web3 = group.Key.Node.Web3For(group.Key.Node.Accounts[0]);
            foreach (var receipt in await WaitForReceiptsAsync(web3, [.. group.Select(s => s.Transaction)]))
            {
                var e = receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event;
                var block = (long)receipt.BlockNumber.Value;
                var destination = _chains.Single(c => c.Options.ChainId == (long)e.DstChainId);
                initiated.Add(new InitiatedTransfer(e.Leaf.ToHex(prefix: true), group.Key, destination, block, await watcher.BlockTimestampAsync(group.Key, block)));
            }
        }

        return initiated;
    }

    private static Task<SentTransfer> SendAsync(Web3 web3, DevnetChain source, DevnetChain destination, BigInteger amount) =>
        web3.Eth.GetContractTransactionHandler<InitiateTransferFunction>().SendRequestAsync(source.Contracts.Vault, new InitiateTransferFunction
        {
            DstChainId = (ulong)destination.Options.ChainId,
            Token = source.Contracts.Token,
            Amount = amount,
            Recipient = web3.TransactionManager.Account.Address,
            Gas = 250_000,
            MaxFeePerGas = 20_000_000_000,
            MaxPriorityFeePerGas = 1_000_000_000,
        }).ContinueWith(t => new SentTransfer(source, t.Result), TaskScheduler.Default);

    private static async Task<List<TransactionReceipt>> WaitForReceiptsAsync(Web3 web3, IReadOnlyList<string> transactions)
    {
        var receipts = new List<TransactionReceipt>();
        foreach (var hash in transactions)
        {
            TransactionReceipt? receipt;
            while ((receipt = await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash)) is null)
            {
                await Task.Delay(100);
            }

            receipts.Add(receipt.Failed() ? throw new InvalidOperationException($"transaction {hash} reverted") : receipt);
        }

        return receipts;
    }
}

public sealed record SentTransfer(DevnetChain Source, string Transaction);

public sealed record InitiatedTransfer(string Leaf, DevnetChain Source, DevnetChain Destination, long Block, long Timestamp);
