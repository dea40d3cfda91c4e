using System.Numerics;
using MarginBridge.Abstractions.Submission;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Rpc;
using MarginBridge.Grains.Relaying;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace MarginBridge.Grains.Submission;

/// <summary>
/// Hands out the submitter's nonces on one chain in order and sends EIP-1559 transactions. The
/// next nonce comes from the chain's pending count when the grain activates or after any doubt (a
/// send that failed part-way), so a restarted or moved grain neither reuses nor skips a nonce.
/// Calls that would revert are not sent: the caller gets the contract's error by name.
/// </summary>
public sealed partial class ChainSubmitterGrain(ChainConnections connections, SubmitterAccount account, ILogger<ChainSubmitterGrain> logger) : Grain, IChainSubmitterGrain
{
    private const int FeeBumpPercent = 25;
    private readonly Dictionary<string, SentTransaction> _sent = new(StringComparer.OrdinalIgnoreCase);
    private long? _nextNonce;

    private long ChainId => this.GetPrimaryKeyLong();

    private ChainReader Reader => connections.GetReader(ChainId);

    public async Task<SubmissionResult> Send(SubmissionRequest request) => (await SendInOrder([request]))[0];

    public async Task<IReadOnlyList<SubmissionResult>> SendInOrder(IReadOnlyList<SubmissionRequest> requests)
    {
        var gasLimits = new List<long>();
        string? revert = null;
        foreach (var request in requests)
        {
            (var gas, revert) = await GasLimitAsync(request);
            if (revert is not null)
            {
                break;
            }

            gasLimits.Add(gas);
        }

        var results = new List<SubmissionResult>();
        if (gasLimits.Count > 0)
        {
            _nextNonce ??= await Reader.GetTransactionCountAsync(account.Address, BlockParameter.CreatePending(), CancellationToken.None);
            var (baseFee, tip) = await Reader.GetFeesAsync(CancellationToken.None);
            for (var i = 0; i < gasLimits.Count; i++)
            {
                var transaction = new SentTransaction(requests[i], _nextNonce.Value, gasLimits[i], (baseFee * 2) + tip, tip);
                string hash;
                try
                {
                    hash = await SendSignedAsync(transaction);
                }
                catch (Exception e) when (i > 0)
                {
                    // Those before it are out and their callers must hear of them: this one is reported not sent.
                    results.Add(new SubmissionResult(null, -1, $"not sent ({e.GetType().Name}: {e.Message})"));
                    return results;
                }

                _nextNonce++;
                _sent[hash] = transaction;
                LogSent(ChainId, requests[i].Purpose, transaction.Nonce, hash);
                results.Add(new SubmissionResult(hash, transaction.Nonce, null));
            }
        }

        if (gasLimits.Count < requests.Count)
        {
            results.Add(new SubmissionResult(null, -1, revert));
        }

        return results;
    }

    /// <summary>The request's own limit, or the estimate with a margin; or the contract's error when the call would revert.</summary>
    private async Task<(long Gas, string? Revert)> GasLimitAsync(SubmissionRequest request)
    {
        if (request.GasLimit is { } limit)
        {
            return (limit, null);
        }

        try
        {
            var estimate = await Reader.EstimateGasAsync(new CallInput(request.Data, request.To) { From = account.Address }, CancellationToken.None);
            return ((long)GasMargin.Over(estimate), null);
        }
        catch (RpcResponseException e) when (RevertReasons.Describe(e) is { } revert)
        {
            return (0, revert);
        }
    }

    /// <summary>Result nonce -1: the transaction is unknown to this activation or can never be mined; the caller decides anew from the chain.</summary>
    public async Task<SubmissionResult> Replace(string transactionHash)
    {
        if (!_sent.TryGetValue(transactionHash, out var original))
        {
            // Sent by an earlier activation: the caller re-checks the chain's state and sends anew if needed.
            return new SubmissionResult(transactionHash, -1, null);
        }

        var mined = await Reader.GetTransactionCountAsync(account.Address, BlockParameter.CreateLatest(), CancellationToken.None);
        if (mined > original.Nonce)
        {
            return new SubmissionResult(transactionHash, original.Nonce, null);
        }

        if (mined < original.Nonce && !_sent.Values.Any(t => t.Nonce == mined))
        {
            // A gap below it (a reorg of this chain or an evicted transaction took a lower nonce
            // back): it can never be mined as it is. Forget it; the next send starts at the gap.
            _nextNonce = mined;
            _sent.Remove(transactionHash);
            LogNonceGap(ChainId, original.Request.Purpose, original.Nonce, mined);
            return new SubmissionResult(transactionHash, -1, null);
        }

        var replacement = original with
        {
            MaxFeePerGas = original.MaxFeePerGas * (100 + FeeBumpPercent) / 100,
            MaxPriorityFeePerGas = original.MaxPriorityFeePerGas * (100 + FeeBumpPercent) / 100,
        };
        var hash = await SendSignedAsync(replacement);
        _sent[hash] = replacement;
        LogReplaced(ChainId, original.Request.Purpose, original.Nonce, transactionHash, hash);
        return new SubmissionResult(hash, replacement.Nonce, null);
    }

    private async Task<string> SendSignedAsync(SentTransaction transaction)
    {
        var request = transaction.Request;
        var unsigned = new Transaction1559(
            ChainId,
            transaction.Nonce,
            transaction.MaxPriorityFeePerGas,
            transaction.MaxFeePerGas,
            transaction.Gas,
            request.To,
            BigInteger.Zero,
            request.Data,
            []);
        var signed = new Transaction1559Signer().SignTransaction(account.Key.GetPrivateKeyAsBytes(), unsigned);
        try
        {
            return await Reader.SendRawTransactionAsync(signed.EnsureHexPrefix(), CancellationToken.None);
        }
        catch
        {
            // The transaction may or may not have reached a node: take the nonce from the chain next time.
            _nextNonce = null;
            throw;
        }
    }

    private sealed record SentTransaction(SubmissionRequest Request, long Nonce, long Gas, BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Chain {ChainId}: sent {Purpose} with nonce {Nonce} as {TransactionHash}")]
    private partial void LogSent(long chainId, string purpose, long nonce, string transactionHash);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Chain {ChainId}: {Purpose} with nonce {Nonce} cannot be mined: the account's next nonce on chain is {Mined}; sending again from there")]
    private partial void LogNonceGap(long chainId, string purpose, long nonce, long mined);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Chain {ChainId}: {Purpose} with nonce {Nonce} was stuck as {Stuck}; replaced at higher fees by {TransactionHash}")]
    private partial void LogReplaced(long chainId, string purpose, long nonce, string stuck, string transactionHash);
}
