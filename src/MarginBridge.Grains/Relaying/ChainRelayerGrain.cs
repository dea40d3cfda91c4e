using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Finality;
using MarginBridge.Chains.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Grains.Relaying;

/// <summary>
/// Follows one chain: polls its head through the endpoint pool, scans its vault's and venues' logs in
/// bounded ranges from a persisted cursor, classifies each event soft- or hard-final by the
/// chain's layer kind, detects reorgs by block hash and rolls back what was not hard-final.
/// Accounts are told before the cursor is persisted, so a crash repeats work (idempotent) and
/// never skips it. A reminder re-activates the grain after a silo restart or failover.
/// </summary>
public sealed partial class ChainRelayerGrain(
    [PersistentState("relayer", "relayers")] IPersistentState<ChainRelayerState> state,
    ChainConnections connections,
    IOptions<MarginBridgeOptions> options,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<ChainRelayerGrain> logger) : Grain, IChainRelayerGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";
    private const int MaxRangesPerPoll = 20;
    private const int DenseRecordingLimit = 64;

    private ChainOptions _chain = null!;
    private ChainReader _reader = null!;
    private bool _healthy;
    private string? _lastError = "not polled yet";
    private DateTimeOffset? _lastPollAt;
    private DateTimeOffset _lastSuccessAt;
    private readonly Dictionary<string, bool> _reported = new(StringComparer.Ordinal);
    private DateTimeOffset _headAdvancedAt;
    private DateTimeOffset _agreementCheckedAt;
    private string? _disagreement;

    private ChainRelayerState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var chainId = this.GetPrimaryKeyLong();
        _chain = connections.GetChain(chainId);
        _reader = connections.GetReader(chainId);
        if (State.Cursor < 0)
        {
            State.Cursor = _chain.StartBlock - 1;
        }

        _lastSuccessAt = _headAdvancedAt = time.GetUtcNow();
        var period = TimeSpan.FromMilliseconds(options.Value.Relayer.PollIntervalMilliseconds);
        this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(TimeSpan.Zero, period) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Start() =>
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task<ChainStatus> GetStatus() => Task.FromResult(new ChainStatus(
        _chain.ChainId,
        _chain.Name,
        _chain.Kind,
        State.Head,
        State.Cursor,
        State.HardFinalHeight,
        _lastPollAt,
        _healthy,
        _lastError,
        State.LastReorg,
        State.DeepReorgCount,
        State.Pending.Count,
        _reader.Endpoints,
        State.AcknowledgedDeepReorgs));

    public async Task<int> AcknowledgeDeepReorgs()
    {
        var acknowledged = State.DeepReorgCount - State.AcknowledgedDeepReorgs;
        State.AcknowledgedDeepReorgs = State.DeepReorgCount;
        await state.WriteStateAsync();
        await ReportToBreakerAsync();
        return acknowledged;
    }

    /// <summary>
    /// The chain's breaker (DESIGN §4): open while a reorg deeper than finality is unacknowledged,
    /// while no poll has succeeded for <c>Breakers:UnreachableSeconds</c>, while the head has not
    /// advanced for <c>Breakers:StalledHeadSeconds</c>, and while the chain's endpoints name
    /// different hashes for its hard-final block. Reported on change only.
    /// </summary>
    private async Task ReportToBreakerAsync()
    {
        var breakers = options.Value.Breakers;
        var now = time.GetUtcNow();
        var reorg = State.LastReorg;
        var silence = now - _lastSuccessAt;
        var stall = now - _headAdvancedAt;
        await ReportAsync(
            "deep-reorg",
            State.DeepReorgCount > State.AcknowledgedDeepReorgs,
            $"a reorg of {reorg?.Depth} blocks (common ancestor {reorg?.CommonAncestor}) went deeper than {_chain.Name}'s finality; an operator must acknowledge it",
            "acknowledged by an operator");
        await ReportAsync(
            "unreachable",
            silence > TimeSpan.FromSeconds(breakers.UnreachableSeconds),
            $"no poll of {_chain.Name} has succeeded for {silence.TotalSeconds:0} s (last error: {_lastError})",
            "polled again");
        await ReportAsync(
            "stalled-head",
            breakers.StalledHeadSeconds > 0 && stall > TimeSpan.FromSeconds(breakers.StalledHeadSeconds),
            $"{_chain.Name}'s head has stayed at block {State.Head} for {stall.TotalSeconds:0} s",
            "the head advances again");
        await ReportAsync("rpc-disagreement", _disagreement is not null, _disagreement ?? string.Empty, "the endpoints agree again");
    }

    private async Task ReportAsync(string trigger, bool active, string whyActive, string whyClear)
    {
        if (_reported.GetValueOrDefault(trigger) != active)
        {
            await grains.GetGrain<ICircuitBreakerGrain>(BreakerScope.Chain(_chain.ChainId)).Report(trigger, active, active ? whyActive : whyClear);
            _reported[trigger] = active;
        }
    }

    /// <summary>
    /// Every <c>Breakers:EndpointAgreementSeconds</c>, asks each endpoint for the hash of the
    /// hard-final block; endpoints that answer with different hashes disagree (one lies or is on a
    /// fork). An endpoint that does not answer is down, which is not a disagreement.
    /// </summary>
    private async Task CheckEndpointAgreementAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (State.HardFinalHeight < 0 || now - _agreementCheckedAt < TimeSpan.FromSeconds(options.Value.Breakers.EndpointAgreementSeconds))
        {
            return;
        }

        _agreementCheckedAt = now;
        var answers = (await _reader.GetBlockHashOnEachAsync(State.HardFinalHeight, cancellationToken)).Where(a => a.Value is not null).ToList();
        _disagreement = answers.Select(a => a.Value!.ToLowerInvariant()).Distinct().Count() > 1
            ? $"{_chain.Name}'s endpoints disagree on block {State.HardFinalHeight}: {string.Join(", ", answers.Select(a => $"{a.Endpoint} says {a.Value}"))}"
            : null;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            var updates = new AccountUpdates();
            var head = await _reader.GetHeadAsync(cancellationToken);
            if (head.Number > State.Head)
            {
                _headAdvancedAt = time.GetUtcNow();
            }

            State.Head = head.Number;
            await DetectReorgAsync(head, updates, cancellationToken);
            for (var i = 0; i < MaxRangesPerPoll && State.Cursor < head.Number; i++)
            {
                await ScanNextRangeAsync(head, updates, cancellationToken);
            }

            PromoteHardFinal(head, updates);
            PruneBlocks();
            await updates.DeliverAsync(grains);
            await state.WriteStateAsync(cancellationToken);
            _healthy = true;
            _lastError = null;
            _lastSuccessAt = time.GetUtcNow();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A chain that reorganised under a scan is healthy; the next poll rolls back.
            _healthy = e is ChainReorganizedException;
            _lastError = e.Message;
            LogPollFailed(_chain.Name, e.GetType().Name, e.Message);
            // Forget whatever this poll did in memory; the next poll starts again from storage.
            await state.ReadStateAsync(CancellationToken.None);
        }
        finally
        {
            _lastPollAt = time.GetUtcNow();
        }

        try
        {
            await CheckEndpointAgreementAsync(cancellationToken);
            await ReportToBreakerAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(_chain.Name, e.GetType().Name, $"reporting to the chain's breaker: {e.Message}");
        }
    }

    /// <summary>Checks the top scanned block and every block holding a pending event against the chain.</summary>
    private async Task DetectReorgAsync(BlockRef head, AccountUpdates updates, CancellationToken cancellationToken)
    {
        var watched = State.PendingBlocks().Append(State.Cursor).Distinct().OrderDescending();
        foreach (var number in watched)
        {
            if (!State.Blocks.TryGetValue(number, out var recorded))
            {
                continue;
            }

            var current = number == head.Number ? head : await _reader.GetBlockAsync(number, cancellationToken);
            if (current?.Hash != recorded.Hash)
            {
                await RollBackAsync(updates, cancellationToken);
                return;
            }
        }
    }

    private async Task RollBackAsync(AccountUpdates updates, CancellationToken cancellationToken)
    {
        long ancestor = -1;
        long lowestReplaced = State.Cursor;
        foreach (var (number, recorded) in State.Blocks.Reverse())
        {
            var current = await _reader.GetBlockAsync(number, cancellationToken);
            if (current?.Hash == recorded.Hash)
            {
                ancestor = number;
                break;
            }

            lowestReplaced = number;
        }

        if (ancestor < 0)
        {
            ancestor = Math.Max(_chain.StartBlock - 1, lowestReplaced - 1);
        }

        var deep = lowestReplaced <= State.HardFinalHeight;
        var revoked = State.Pending.Where(p => p.Event.BlockNumber > ancestor).ToList();
        foreach (var pending in revoked)
        {
            updates.Add(FinalityChange.Revoked, pending.Event);
        }

        State.Pending.RemoveAll(p => p.Event.BlockNumber > ancestor);
        foreach (var dropped in State.PendingTransfers.Where(p => p.Message.BlockNumber > ancestor))
        {
            updates.Transfers.Drop(dropped.Message, $"a reorg replaced block {dropped.Message.BlockNumber} (common ancestor {ancestor}) before hard finality; the transfer is no longer on the source chain and nothing left it");
        }

        State.PendingTransfers.RemoveAll(p => p.Message.BlockNumber > ancestor);
        foreach (var number in State.Blocks.Keys.Where(n => n > ancestor).ToList())
        {
            State.Blocks.Remove(number);
        }

        var depth = State.Cursor - ancestor;
        State.Cursor = ancestor;
        State.LastReorg = new ReorgRecord(ancestor, depth, deep, revoked.Count, time.GetUtcNow());
        if (deep)
        {
            State.DeepReorgCount++;
            State.HardFinalHeight = Math.Min(State.HardFinalHeight, ancestor);
            LogDeepReorg(_chain.Name, ancestor, depth, lowestReplaced);
        }
        else
        {
            LogReorg(_chain.Name, ancestor, depth, revoked.Count);
        }
    }

    private async Task ScanNextRangeAsync(BlockRef head, AccountUpdates updates, CancellationToken cancellationToken)
    {
        var from = State.Cursor + 1;
        var to = Math.Min(head.Number, State.Cursor + options.Value.Relayer.MaxBlockRange);
        var events = await _reader.GetChainEventsAsync(_chain.Vault, _chain.Venues, from, to, cancellationToken);

        // Following the head, every block is recorded, so a reorg's common ancestor is found exactly.
        // Catching up over a long range, the first and last block and the blocks of events are enough.
        var numbers = to - from < DenseRecordingLimit ? Range(from, to) : [from, to];
        numbers = [.. numbers.Concat(events.Blocks).Distinct().Order()];
        var fetched = await Task.WhenAll(numbers.Select(n => n == head.Number ? Task.FromResult<BlockRef?>(head) : _reader.GetBlockAsync(n, cancellationToken)));
        var blocks = new SortedDictionary<long, BlockRef>();
        foreach (var block in fetched)
        {
            blocks[block?.Number ?? throw new ChainReorganizedException(_chain.Name, from)] = block;
        }

        EnsureLinked(blocks);
        foreach (var (log, chainEvent) in ChainEventDecoder.Decode(_chain.ChainId, events))
        {
            var block = CanonicalBlockOf(log, blocks);
            State.Pending.Add(new PendingEvent(chainEvent, block.Timestamp));
            updates.Add(FinalityChange.Observed, chainEvent);
        }

        foreach (var log in events.Transfers)
        {
            var block = CanonicalBlockOf(log.Log, blocks);

            var (message, rejection) = OutboundTransfers.FromEvent(_chain, options.Value, log, block);
            if (rejection is not null)
            {
                updates.Transfers.Reject(message, rejection);
                continue;
            }

            State.PendingTransfers.Add(new PendingTransfer(message, block.Timestamp));
            updates.Transfers.Observe(message);
        }

        foreach (var block in blocks.Values)
        {
            State.Blocks[block.Number] = new RecordedBlock(block.Hash, block.Timestamp);
        }

        State.Cursor = to;
    }

    /// <summary>The fetched block a log belongs to; a log from a block that was replaced meanwhile aborts the scan.</summary>
    private BlockRef CanonicalBlockOf(FilterLog log, SortedDictionary<long, BlockRef> blocks)
    {
        var block = blocks[(long)log.BlockNumber.Value];
        return string.Equals(block.Hash, log.BlockHash, StringComparison.OrdinalIgnoreCase)
            ? block
            : throw new ChainReorganizedException(_chain.Name, block.Number);
    }

    /// <summary>Each fetched block whose parent is known (recorded or fetched) must name it as its parent.</summary>
    private void EnsureLinked(SortedDictionary<long, BlockRef> blocks)
    {
        foreach (var block in blocks.Values)
        {
            var parentHash = blocks.TryGetValue(block.Number - 1, out var fetchedParent) ? fetchedParent.Hash
                : State.Blocks.TryGetValue(block.Number - 1, out var recordedParent) ? recordedParent.Hash
                : null;
            if (parentHash is not null && !string.Equals(parentHash, block.ParentHash, StringComparison.OrdinalIgnoreCase))
            {
                throw new ChainReorganizedException(_chain.Name, block.Number);
            }
        }
    }

    private static IEnumerable<long> Range(long from, long to)
    {
        for (var n = from; n <= to; n++)
        {
            yield return n;
        }
    }

    private void PromoteHardFinal(BlockRef head, AccountUpdates updates)
    {
        State.Pending.RemoveAll(pending =>
        {
            if (!FinalityRule.IsHardFinal(_chain.Kind, _chain.Finality, pending.Event.BlockNumber, pending.BlockTimestamp, head))
            {
                return false;
            }

            updates.Add(FinalityChange.HardFinal, pending.Event);
            return true;
        });
        State.PendingTransfers.RemoveAll(pending =>
        {
            if (!FinalityRule.IsHardFinal(_chain.Kind, _chain.Finality, pending.Message.BlockNumber, pending.BlockTimestamp, head))
            {
                return false;
            }

            updates.Transfers.SourceHardFinal(pending.Message, head.Number);
            return true;
        });

        // Only recorded blocks count, so the hard-final height is always a block whose hash the relayer knows.
        var hardFinal = State.Blocks
            .Where(b => b.Key <= State.Cursor && FinalityRule.IsHardFinal(_chain.Kind, _chain.Finality, b.Key, b.Value.Timestamp, head))
            .Select(b => b.Key)
            .DefaultIfEmpty(State.HardFinalHeight)
            .Max();
        State.HardFinalHeight = Math.Max(State.HardFinalHeight, hardFinal);
    }

    /// <summary>
    /// Keeps every block near the head, the blocks of pending events, one anchor at or below hard
    /// finality, and a checkpoint every 64 blocks in between (bounded state over long challenge windows).
    /// </summary>
    private void PruneBlocks()
    {
        var anchor = State.Blocks.Keys.Where(n => n <= State.HardFinalHeight).DefaultIfEmpty(-1).Max();
        var pendingBlocks = State.PendingBlocks().ToHashSet();
        bool Keep(long n) => n == anchor || pendingBlocks.Contains(n) || n > State.Cursor - DenseRecordingLimit || (n > anchor && n % 64 == 0);
        foreach (var number in State.Blocks.Keys.Where(n => !Keep(n)).ToList())
        {
            State.Blocks.Remove(number);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Polling chain {Chain} failed: {ErrorType} {Error}")]
    private partial void LogPollFailed(string chain, string errorType, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Reorg on chain {Chain}: common ancestor {Ancestor}, depth {Depth}, {Revoked} pending account events revoked")]
    private partial void LogReorg(string chain, long ancestor, long depth, int revoked);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Reorg deeper than finality on chain {Chain}: common ancestor {Ancestor}, depth {Depth}, hard-final block {Replaced} was replaced")]
    private partial void LogDeepReorg(string chain, long ancestor, long depth, long replaced);
}
