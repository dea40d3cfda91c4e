using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Abstractions.Submission;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Rpc;
using MarginBridge.Chains.Verification;
using MarginBridge.Grains.Breakers;
using MarginBridge.Grains.Relaying;
using MarginBridge.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Orleans.Storage;

namespace MarginBridge.Grains.Routing;

/// <summary>
/// One ordered pair of chains. Every tick it cuts due batches from its first-come, first-served
/// queue, asks the committee to attest each root, submits it to the destination inbox and executes
/// the transfers the destination's liquidity covers. Each step is decided from the destination's
/// own state (<c>batches</c>, <c>isExecuted</c>) rather than from memory of what was sent, so a
/// crash, a replaced transaction or an execution by someone else never leads to a second payment
/// or to a revert loop. A reminder brings the route back after a silo is lost.
/// </summary>
public sealed partial class RouteGrain(
    [PersistentState("route", "transfers")] IPersistentState<RouteState> state,
    ChainConnections connections,
    CommitteeClient committee,
    IOptions<MarginBridgeOptions> options,
    TimeProvider time,
    ILogger<RouteGrain> logger) : Grain, IRouteGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";
    private const int SettleDepth = 64;
    private static readonly TimeSpan UnprovenRecheck = TimeSpan.FromSeconds(5);
    private readonly Dictionary<ulong, MerkleTree> _trees = [];
    private readonly Dictionary<ulong, DateTimeOffset> _nextAttestation = [];
    private readonly Dictionary<string, DateTimeOffset> _unprovenUntil = new(StringComparer.Ordinal);
    private readonly HashSet<string> _largeHeld = new(StringComparer.Ordinal);
    private ChainOptions _source = null!;
    private ChainOptions _destination = null!;
    private RouteStruct _route = null!;
    private byte[] _routeKey = null!;
    private bool _reminderRegistered;
    private Task _announcing = Task.CompletedTask;
    private readonly GroupCommit _commit = new(() => state.WriteStateAsync());

    private RouteState State => state.State;

    private PipelineOptions Pipeline => options.Value.Pipeline;

    private ChainReader Destination => connections.GetReader(_destination.ChainId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (src, dst) = RouteKey.Parse(this.GetPrimaryKeyString());
        _source = connections.GetChain(src);
        _destination = connections.GetChain(dst);
        _route = new RouteStruct { SrcChainId = (ulong)src, SrcContract = EvmAddress.Normalize(_source.Vault), DstChainId = (ulong)dst, DstContract = EvmAddress.Normalize(_destination.Vault) };
        _routeKey = MessageLeaf.RouteKey(_route.SrcChainId, _route.SrcContract);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(Pipeline.TickMilliseconds)) { KeepAlive = true });
        await RestoreBatchTransfersAsync();
    }

    public async Task Enqueue(TransferMessage message)
    {
        if (State.Queue.Any(q => q.Message.Id == message.Id) || State.Batches.Any(b => b.Transfers.Any(t => t.Id == message.Id)))
        {
            return;
        }

        State.Queue.Add(new QueuedTransfer(message, time.GetUtcNow()));
        await WriteAsync();
        if (_source.FindToken(message.SourceToken) is { } token)
        {
            await GrainFactory.GetGrain<IOutflowMeterGrain>(token.Asset).Take(token.ToWholeUnits(message.Amount), $"transfer {message.Id} of {message.Amount} base units from {_source.Name}");
        }
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
    }

    public Task<RouteStatus> GetStatus() => Task.FromResult(new RouteStatus(
        _source.ChainId,
        _destination.ChainId,
        State.Queue.Count,
        [.. State.Batches.Select(b => new BatchStatus(b.Number, b.Transfers.Count, b.Executed.Count, b.Stage.ToString(), b.Waiting))],
        State.NextBatchNumber,
        State.ExecutedTransfers));

    public async Task<OperatorOutcome> Retry(string transferId)
    {
        await AnnouncedAsync();
        var batch = BatchOf(transferId);
        if (batch is null)
        {
            return State.Queue.Any(q => q.Message.Id == transferId)
                ? new OperatorOutcome(true, "queued on the route: it is batched on the next tick that finds a batch due")
                : new OperatorOutcome(false, "not in this route's queue or open batches");
        }

        if (batch.Stage == BatchStage.Done)
        {
            return new OperatorOutcome(false, $"batch {batch.Number} is executed: nothing to retry");
        }

        _nextAttestation.Remove(batch.Number);
        batch.Waiting = null;
        batch.RootTransactions = [];
        ClearExecution(batch);
        await WriteAsync();
        return new OperatorOutcome(true, $"batch {batch.Number} ({batch.Stage}) is decided again from the chains on the next tick");
    }

    public async Task<OperatorOutcome> Reverify(string transferId)
    {
        await AnnouncedAsync();
        var batch = BatchOf(transferId);
        if (batch is null || batch.Stage is BatchStage.Accepted or BatchStage.Done)
        {
            return new OperatorOutcome(false, batch is null ? "not in an open batch of this route" : $"the destination already accepted the root of batch {batch.Number}: there is nothing left to verify");
        }

        _nextAttestation.Remove(batch.Number);
        batch.Stage = BatchStage.Formed;
        batch.ProposedBy = null;
        batch.Signers = [];
        batch.Signatures = [];
        batch.RootTransactions = [];
        batch.Waiting = null;
        await WriteAsync();
        return new OperatorOutcome(true, $"batch {batch.Number}: signatures dropped; every member verifies it again on the source chain");
    }

    /// <summary>
    /// Ends a transfer that has not executed. One the source outbox never held (a made-up log, a block
    /// that is gone) is simply removed. One it holds is voided on the destination by the committee
    /// (<see cref="ITransferVoidGrain"/>): from the queue or from an open batch, whose other transfers go on.
    /// </summary>
    public async Task<OperatorOutcome> Cancel(string transferId, string operatorName)
    {
        await AnnouncedAsync();
        var queued = State.Queue.Find(q => q.Message.Id == transferId);
        if (queued is null)
        {
            if (BatchOf(transferId) is not { } batch)
            {
                return new OperatorOutcome(false, "not in this route's queue: not yet hard-final at its source (wait for it), or already finished");
            }

            var leaf = batch.Transfers.FindIndex(t => t.Id == transferId);
            if (batch.Executed.Contains(leaf))
            {
                return new OperatorOutcome(false, $"executed on chain {_destination.ChainId} in batch {batch.Number}: nothing left to cancel");
            }

            if (batch.Voiding.Contains(leaf))
            {
                return new OperatorOutcome(false, $"being voided already (batch {batch.Number}): see the transfer's steps");
            }

            var voiding = await VoidAsync(batch.Transfers[leaf], operatorName, $"in batch {batch.Number} ({batch.Stage})");
            if (voiding.Applied && batch.Voiding.Add(leaf))
            {
                await WriteAsync();
            }

            return voiding;
        }

        // Absent at a hard-final block at or after the message's own, it was never sent.
        var source = await GrainFactory.GetGrain<IChainRelayerGrain>(_source.ChainId).GetStatus();
        var (verification, block) = await VerifySentAsync([queued.Message], source.HardFinalHeight, CancellationToken.None);
        if (verification.IsUndecided)
        {
            return new OperatorOutcome(false, $"cannot check {_source.Name}'s outbox now: {verification.Refusal}");
        }

        if (verification.IsProven)
        {
            var outcome = await VoidAsync(queued.Message, operatorName, $"queued (in {_source.Name}'s outbox at block {block})");
            if (outcome.Applied)
            {
                State.Queue.Remove(queued);
                await WriteAsync();
            }

            return outcome;
        }

        State.Queue.Remove(queued);
        _unprovenUntil.Remove(transferId);
        await WriteAsync();
        var detail = $"not in {_source.Name}'s outbox at block {block} by a storage proof: nothing left the source; removed from route {RouteKey.Of(_source.ChainId, _destination.ChainId)}";
        await Transfer(transferId).Cancel($"operator {operatorName}", detail);
        return new OperatorOutcome(true, detail);
    }

    /// <summary>Starts the void of a real message; a swept fee and a refund are never voided.</summary>
    private async Task<OperatorOutcome> VoidAsync(TransferMessage message, string operatorName, string where)
    {
        if (message.FundsInsurance || message.Refunds)
        {
            return new OperatorOutcome(false, $"a {(message.Refunds ? "refund of a voided transfer" : "swept liquidation fee")} is never voided: it is owed at the destination");
        }

        await GrainFactory.GetGrain<ITransferVoidGrain>(message.Id).Start(message, operatorName);
        return new OperatorOutcome(true, $"{where}: the committee is asked to void it on chain {_destination.ChainId}; once voided it can never execute there, and its amount returns to {message.Account} on chain {_source.ChainId} as a transfer of its own");
    }

    public async Task TakeBackFromVoid(TransferMessage message, string actor)
    {
        ArgumentNullException.ThrowIfNull(message);
        await AnnouncedAsync();

        // The transfer is told first: until it has left Voiding it ignores the route, so a batch it
        // joined after a failed attempt would never reach it. A repeat changes nothing on either side.
        var batch = BatchOf(message.Id);
        var stage = batch?.Stage switch
        {
            null => TransferStage.SourceHardFinal,
            BatchStage.Formed => TransferStage.Batched,
            BatchStage.Attested => TransferStage.RootAttested,
            _ => TransferStage.RootAccepted,
        };
        await Transfer(message.Id).ReturnFromVoid(stage, actor, $"cancellation withdrawn and its void can no longer execute: back on route {RouteKey.Of(_source.ChainId, _destination.ChainId)}, to be paid");
        if (batch is not null)
        {
            if (batch.Voiding.Remove(batch.Transfers.FindIndex(t => t.Id == message.Id)))
            {
                await WriteAsync();
            }
        }
        else if (!State.Queue.Exists(q => q.Message.Id == message.Id))
        {
            State.Queue.Add(new QueuedTransfer(message, time.GetUtcNow()));
            await WriteAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    /// <summary>Fills each stored batch's messages from its transfers' own grains (their state holds each message from the moment it was observed).</summary>
    private async Task RestoreBatchTransfersAsync()
    {
        foreach (var batch in State.Batches.Where(b => b.Transfers.Count != b.TransferIds.Count))
        {
            var views = await Task.WhenAll(batch.TransferIds.Select(id => Transfer(id).GetView()));
            batch.Transfers = [.. views.Select((view, leaf) => view?.Message ?? throw new InvalidOperationException($"route {RouteKey.Of(_source.ChainId, _destination.ChainId)}, batch {batch.Number}: transfer {batch.TransferIds[leaf]} has no stored message"))];
        }
    }

    private RouteBatch? BatchOf(string transferId) => State.Batches.Find(b => b.Transfers.Any(t => t.Id == transferId));

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (State.Queue.Count == 0 && State.Batches.Count == 0)
        {
            return;
        }

        try
        {
            await CutBatchesAsync(cancellationToken);
            var destination = await GrainFactory.GetGrain<IChainRelayerGrain>(_destination.ChainId).GetStatus();
            var headOfLine = true;
            foreach (var batch in State.Batches.ToList())
            {
                BatchStage before;
                do
                {
                    // A batch that moved on goes on in the same tick: attested, its root is sent at once.
                    before = batch.Stage;
                    await AdvanceAsync(batch, headOfLine, destination, cancellationToken);
                }
                while (batch.Stage > before && batch.Stage != BatchStage.Done);
                headOfLine &= batch.Stage == BatchStage.Done || FullyInFlight(batch);
            }

            // Executions are watched for destination reorgs until hard-final, or 64 blocks deep on
            // chains whose finality is days away (an optimistic rollup's own blocks do not reorg that deep).
            var settledHeight = Math.Max(destination.HardFinalHeight, destination.Head - SettleDepth);
            var settled = State.Batches.Where(b => b.Stage == BatchStage.Done && b.ExecutedThroughBlock <= settledHeight && FullyAnnounced(b)).ToList();
            if (settled.Count > 0)
            {
                // Told before the batch is forgotten: a crash in between repeats this, harmlessly.
                await Task.WhenAll(settled.SelectMany(b => b.Transfers.Select(t => Transfer(t.Id).MarkSettled())));
                State.Batches.RemoveAll(settled.Contains);
                await WriteAsync();
            }
        }
        catch (InconsistentStateException e)
        {
            // Storage holds another version (a restarted store lost writes): continue from it;
            // what it lacks is re-derived from the chains (batch numbers taken, replay bits set).
            LogStaleState(_source.ChainId, _destination.ChainId, e.Message);
            await AnnouncedAsync();
            _trees.Clear();
            _nextAttestation.Clear();
            await state.ReadStateAsync(CancellationToken.None);
            await RestoreBatchTransfersAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Everything a step did is either persisted or re-derived from the chains next tick.
            LogTickFailed(_source.ChainId, _destination.ChainId, e.GetType().Name, e.Message);
        }
        finally
        {
            // Whatever the tick got to: a batch whose next step keeps failing still shows how far it got.
            StartAnnouncing();
        }
    }

    private async Task CutBatchesAsync(CancellationToken cancellationToken)
    {
        var sourceStatus = await GrainFactory.GetGrain<IChainRelayerGrain>(_source.ChainId).GetStatus();
        if (sourceStatus.StoppedByDeepReorg && State.Queue.Count > 0)
        {
            var reason = $"route stopped: {_source.Name} had a reorg deeper than its finality ({sourceStatus.LastReorg?.Depth} blocks at {sourceStatus.LastReorg?.DetectedAt:u}); an operator must review it (POST /operator/chains/{_source.ChainId}/acknowledge-reorg) before anything else leaves this chain";
            await Task.WhenAll(State.Queue.Select(q => Transfer(q.Message.Id).Hold(reason)));
            return;
        }

        var breakersChecked = false;
        while (true)
        {
            var now = time.GetUtcNow();
            await HoldLargeTransfersAsync(now);
            var eligible = State.Queue.Where(q => (!_unprovenUntil.TryGetValue(q.Message.Id, out var until) || until <= now) && LargeUntil(q) <= now).ToList();
            var due = BatchCutter.NextBatch(eligible, Pipeline.MaxBatchSize, TimeSpan.FromMilliseconds(Pipeline.MaxBatchAgeMilliseconds), TimeSpan.FromMilliseconds(Pipeline.QuietMilliseconds), now);
            if (due.Count == 0)
            {
                return;
            }

            // Asked only when a batch is due, not on every tick a transfer waits for its batch age.
            if (!breakersChecked && await OpenBreakers.FirstAsync(GrainFactory, BreakerScopes()) is { } open)
            {
                var reason = $"halted by circuit breaker {open.Scope}: {open.Reason} (open since {open.Since:u}); batched once it closes";
                await Task.WhenAll(State.Queue.Select(q => Transfer(q.Message.Id).Hold(reason)));
                return;
            }

            breakersChecked = true;

            // Only a transfer whose leaf was found missing before is proven here; the rest are proven
            // by the members, and by the silo only if the committee refuses their batch.
            var doubtful = due.Where(t => _unprovenUntil.ContainsKey(t.Id)).ToList();
            IReadOnlyList<TransferMessage> proven = [];
            long provenAt = 0;
            if (doubtful.Count > 0)
            {
                (proven, provenAt) = await ProvenInOutboxAsync(doubtful, sourceStatus.HardFinalHeight, cancellationToken);
            }

            var stillDoubtful = doubtful.Except(proven).ToHashSet();
            var transfers = due.Where(t => !stillDoubtful.Contains(t)).ToList();
            if (transfers.Count == 0)
            {
                continue;
            }

            var ids = transfers.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var tree = new MerkleTree([.. transfers.Select(t => t.Id.HexToByteArray())]);
            var batch = new RouteBatch
            {
                Number = State.NextBatchNumber++,
                // Members prove every leaf at this block: a re-proven transfer's block at the latest.
                SourceBlock = Math.Max(transfers.Max(t => t.BlockNumber), proven.Count > 0 ? provenAt : 0),
                Transfers = [.. transfers],
                Root = tree.Root.ToHex(prefix: true),
            };
            _trees[batch.Number] = tree;
            State.Queue.RemoveAll(q => ids.Contains(q.Message.Id));
            State.Batches.Add(batch);
            await WriteAsync();
        }
    }

    /// <summary>When a queued transfer may be batched: at once, or, above its asset's large-transfer threshold, after the extra delay.</summary>
    private DateTimeOffset LargeUntil(QueuedTransfer queued) =>
        _source.FindToken(queued.Message.SourceToken) is { } token
        && options.Value.Breakers.LargeTransfers.TryGetValue(token.Asset, out var large)
        && token.ToWholeUnits(queued.Message.Amount) > large.Threshold
            ? queued.QueuedAt.AddSeconds(large.DelaySeconds)
            : DateTimeOffset.MinValue;

    /// <summary>Tells each large transfer once (per activation) why it waits and until when.</summary>
    private async Task HoldLargeTransfersAsync(DateTimeOffset now)
    {
        // A copy: Enqueue interleaves with the tick and may add to the queue while a hold is told.
        foreach (var queued in State.Queue.Where(q => LargeUntil(q) > now && _largeHeld.Add(q.Message.Id)).ToList())
        {
            var asset = _source.FindToken(queued.Message.SourceToken)!.Asset;
            await Transfer(queued.Message.Id).Hold($"larger than the {options.Value.Breakers.LargeTransfers[asset].Threshold} {asset} a single transfer may move at once: it waits until {LargeUntil(queued):u} before it is batched (an operator may look at it meanwhile)");
        }
    }

    /// <summary>Global, both chains, the route, and the assets of the queued transfers (DESIGN §4).</summary>
    private IEnumerable<string> BreakerScopes() =>
        BreakerScope.ForMove(_source.ChainId, _destination.ChainId, null).Concat(
            State.Queue.Select(q => _source.FindToken(q.Message.SourceToken)?.Asset)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Select(BreakerScope.Asset));

    /// <summary>
    /// Transfers found missing from the source outbox before are proven again before they are
    /// batched: only those a storage proof now shows there are returned, with the block it was made
    /// at; the others stay held.
    /// </summary>
    private async Task<(IReadOnlyList<TransferMessage> Proven, long Block)> ProvenInOutboxAsync(IReadOnlyList<TransferMessage> transfers, long hardFinalHeight, CancellationToken cancellationToken)
    {
        var (verification, block) = await VerifySentAsync(transfers, hardFinalHeight, cancellationToken);
        foreach (var transfer in transfers)
        {
            _unprovenUntil.Remove(transfer.Id);
        }

        var doubtful = verification.IsUndecided ? transfers : Unproven(transfers, verification);
        await HoldDoubtfulAsync(doubtful, verification, block);
        return ([.. transfers.Except(doubtful)], block);
    }

    /// <summary>
    /// The committee refused the batch. The silo then proves its leaves itself — only now, so the
    /// happy path costs no proof of its own beside the members' — and takes out every transfer the
    /// source outbox does not hold: a log an RPC endpoint made up (or whose block is gone) holds
    /// only itself, visibly, and the rest is attested under a fresh batch number (members may have
    /// signed the old number with the old root). Returns whether the batch changed.
    /// </summary>
    private async Task<bool> TakeOutUnprovenAsync(RouteBatch batch, CancellationToken cancellationToken)
    {
        var verification = await VerifyInOutboxAsync(batch.Transfers, batch.SourceBlock, cancellationToken);
        if (verification.IsProven || verification.IsUndecided)
        {
            return false;
        }

        // Its transfers hear of the batch before they hear they left it: their steps show the refusal.
        await AnnouncedAsync();
        await AnnounceAsync(batch);
        var unproven = Unproven(batch.Transfers, verification);
        var kept = batch.Transfers.Except(unproven).ToList();
        var old = batch.Number;
        _trees.Remove(old);
        _nextAttestation.Remove(old);
        State.Queue.AddRange(unproven.Select(t => new QueuedTransfer(t, time.GetUtcNow())));
        if (kept.Count == 0)
        {
            State.Batches.Remove(batch);
        }
        else
        {
            var tree = new MerkleTree([.. kept.Select(t => t.Id.HexToByteArray())]);
            batch.Number = State.NextBatchNumber++;
            batch.Transfers = kept;
            batch.SourceBlock = kept.Max(t => t.BlockNumber);
            batch.Root = tree.Root.ToHex(prefix: true);
            batch.Signers = [];
            batch.Signatures = [];
            batch.Waiting = null;
            batch.Announced.Clear();
            _trees[batch.Number] = tree;
        }

        // The route's state first: a crash after it repeats the notes below from a later refusal, harmlessly.
        await WriteAsync();
        await Task.WhenAll(unproven.Select(t => Transfer(t.Id).Unbatch(old, $"not in {_source.Name}'s outbox by the silo's storage proof at block {batch.SourceBlock} after the committee refused the batch")));
        await HoldDoubtfulAsync(unproven, verification, batch.SourceBlock);
        return true;
    }

    /// <summary>
    /// Whether the messages were sent, proven at the source's hard-final height when that is past
    /// their own blocks (returned with the verification). The outbox only grows, so a message it
    /// holds at a hard-final block at or after its own was sent; and a block whose state no endpoint
    /// proves any more (a devnet node's cheat code rewrites its latest block's state under the
    /// header's root) does not hold a real transfer forever.
    /// </summary>
    private async Task<(SourceVerification Verification, long Block)> VerifySentAsync(IReadOnlyList<TransferMessage> transfers, long hardFinalHeight, CancellationToken cancellationToken)
    {
        var block = Math.Max(transfers.Max(t => t.BlockNumber), hardFinalHeight);
        return (await VerifyInOutboxAsync(transfers, block, cancellationToken), block);
    }

    private Task<SourceVerification> VerifyInOutboxAsync(IReadOnlyList<TransferMessage> transfers, long block, CancellationToken cancellationToken) =>
        connections.GetOutboxVerifier(_source.ChainId).VerifyAsync([.. transfers.Select(t => t.Id.HexToByteArray())], block, cancellationToken);

    private static List<TransferMessage> Unproven(IReadOnlyList<TransferMessage> transfers, SourceVerification verification)
    {
        var unproven = verification.Unproven.Select(l => l.ToHex(prefix: true)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. transfers.Where(t => unproven.Contains(t.Id))];
    }

    /// <summary>Holds transfers the outbox check did not prove, saying why, and rechecks them before they are batched again.</summary>
    private async Task HoldDoubtfulAsync(IReadOnlyList<TransferMessage> doubtful, SourceVerification verification, long block)
    {
        var reason = verification.IsUndecided
            ? $"waiting to check the message in {_source.Name}'s outbox: {verification.Refusal}; checked again in {UnprovenRecheck.TotalSeconds:0} s"
            : $"not in {_source.Name}'s outbox by a storage proof at block {block}: an RPC endpoint reported a TransferInitiated log that the chain's state does not hold (or its block is gone); checked again every {UnprovenRecheck.TotalSeconds:0} s; an operator may cancel it";
        var until = time.GetUtcNow() + UnprovenRecheck;
        foreach (var transfer in doubtful)
        {
            _unprovenUntil[transfer.Id] = until;
        }

        await Task.WhenAll(doubtful.Select(t => Transfer(t.Id).Hold(reason)));
    }

    /// <summary>
    /// Telling the transfers how their batches go runs beside the ticks, not in them: those calls
    /// journal a row per transfer, and a tick that waited for them would cut, attest and submit the
    /// next batch that much later. One pass at a time; whatever it has not told yet the next pass
    /// tells, in order (batched, attested, accepted, executed), since each stage is recorded only
    /// once its transfers heard of it. Anything that changes which transfers a batch holds, or its
    /// number, waits for the pass first (<see cref="AnnouncedAsync"/>).
    /// </summary>
    private void StartAnnouncing()
    {
        if (_announcing.IsCompleted)
        {
            _announcing = AnnounceAllAsync();
        }
    }

    private async Task AnnounceAllAsync()
    {
        try
        {
            await Task.WhenAll(State.Batches.ToList().Select(AnnounceAsync));
        }
        catch (Exception e)
        {
            LogAnnounceFailed(_source.ChainId, _destination.ChainId, e.GetType().Name, e.Message);
        }
    }

    /// <summary>Completes once no announcement is under way; the caller then changes batches as it likes, before the next pass starts.</summary>
    private Task AnnouncedAsync() => _announcing;

    private static bool FullyAnnounced(RouteBatch batch) =>
        batch.Announced.Count == 3 && batch.ExecutionNotes.Keys.All(batch.AnnouncedExecuted.Contains);

    /// <summary>
    /// Tells the batch's transfers every stage it reached that they were not told yet, then records
    /// that they were: the route's state is written first and the transfers are told from it, so
    /// a notification that failed (a crash, a store that lost a write) is simply sent again.
    /// </summary>
    private async Task AnnounceAsync(RouteBatch batch)
    {
        if (!batch.Announced.Contains("batched"))
        {
            var tree = TreeOf(batch);
            await Task.WhenAll(batch.Transfers.Select((t, i) =>
                Transfer(t.Id).MarkBatched(new TransferPlacement(batch.Number, i, batch.Transfers.Count, batch.Root, [.. tree.Proof(i).Select(p => p.ToHex(prefix: true))], batch.SourceBlock))));
            await RecordAnnouncedAsync(batch, "batched");
        }

        if (batch.Stage >= BatchStage.Attested && !batch.Announced.Contains("attested"))
        {
            await ForEachNotVoidingAsync(batch, grain => grain.MarkRootAttested(batch.Number, batch.Signers, batch.ProposedBy is not null));
            await RecordAnnouncedAsync(batch, "attested");
        }

        if (batch.Stage >= BatchStage.Accepted && !batch.Announced.Contains("accepted"))
        {
            await ForEachNotVoidingAsync(batch, grain => grain.MarkRootAccepted(batch.Number, batch.RootTransaction ?? "submitted by another party", batch.RootBlock));
            await RecordAnnouncedAsync(batch, "accepted");
        }

        var untold = batch.ExecutionNotes.Keys.Where(leaf => !batch.AnnouncedExecuted.Contains(leaf)).ToList();
        if (untold.Count > 0)
        {
            await Task.WhenAll(untold.Select(leaf =>
            {
                var note = batch.ExecutionNotes[leaf];
                return Transfer(batch.Transfers[leaf].Id).MarkExecuted(note.Transaction, note.Block, note.Detail);
            }));
            batch.AnnouncedExecuted.UnionWith(untold);
            await WriteAsync();
        }
    }

    /// <summary>A stage the transfers were told of ends any hold they showed: the next wait is shown anew.</summary>
    private async Task RecordAnnouncedAsync(RouteBatch batch, string stage)
    {
        batch.Announced.Add(stage);
        batch.Waiting = null;
        await WriteAsync();
    }

    private async Task AdvanceAsync(RouteBatch batch, bool headOfLine, ChainStatus destination, CancellationToken cancellationToken)
    {
        switch (batch.Stage)
        {
            case BatchStage.Done when destination.LastReorg?.DetectedAt > batch.ExecutedAt:
                await ReverifyAsync(batch, destination.LastReorg, cancellationToken);
                break;
            case BatchStage.Formed:
                await AttestAsync(batch, cancellationToken);
                break;
            case BatchStage.Attested:
                await SubmitRootAsync(batch, headOfLine, cancellationToken);
                break;
            case BatchStage.Accepted when headOfLine:
                await ExecuteAsync(batch, cancellationToken);
                break;
            case BatchStage.Accepted:
                await WaitAsync(batch, $"waiting for batch {State.Batches.First(b => b.Stage != BatchStage.Done && !FullyInFlight(b)).Number} before it on this route to be executed (first come, first served)");
                break;
        }
    }

    private async Task AttestAsync(RouteBatch batch, CancellationToken cancellationToken)
    {
        if (_nextAttestation.TryGetValue(batch.Number, out var next) && next > time.GetUtcNow())
        {
            return;
        }

        var request = new AttestationRequest(_route, batch.Number, batch.SourceBlock, [.. batch.Transfers.Select(ToStruct)]);
        var mode = await Destination.QueryDeserializingAsync<RoutesFunction, RouteConfigOutput>(_destination.Vault, new RoutesFunction { RouteKey = _routeKey }, cancellationToken);
        if (mode.Optimistic)
        {
            await ProposeAsync(batch, request, cancellationToken);
            return;
        }

        var answer = await committee.AttestAsync(request, batch.Root.HexToByteArray(), TimeSpan.FromMilliseconds(Pipeline.AttestationTimeoutMilliseconds), cancellationToken);
        if (answer.Signers.Count < committee.Threshold)
        {
            if (await TakeOutUnprovenAsync(batch, cancellationToken))
            {
                return;
            }

            _nextAttestation[batch.Number] = time.GetUtcNow().AddSeconds(1);
            await WaitAsync(batch, $"{answer.Signers.Count} of the {committee.Threshold} committee signatures needed; {string.Join("; ", answer.Refusals)}");
            return;
        }

        _nextAttestation.Remove(batch.Number);
        batch.Signers = [.. answer.Signers.Take(committee.Threshold)];
        batch.Signatures = [.. answer.Signatures.Take(committee.Threshold).Select(s => new SignatureHex(s.R.ToHex(prefix: true), s.S.ToHex(prefix: true), s.V))];
        batch.Stage = BatchStage.Attested;
        batch.Waiting = null;
        await WriteAsync();
    }

    /// <summary>
    /// Optimistic routes: one member proposes the root from its own key (the others watch it); the
    /// batch then waits out the route's challenge window on the destination before it executes.
    /// </summary>
    private async Task ProposeAsync(RouteBatch batch, AttestationRequest request, CancellationToken cancellationToken)
    {
        var root = await RootOnChainAsync(batch, cancellationToken);
        if (root is not null && root != batch.Root)
        {
            await RenumberAsync(batch, root);
            return;
        }

        if (root == batch.Root)
        {
            // Proposed already (by an earlier activation): wait out its window.
            batch.ProposedBy ??= "a committee member";
            batch.Stage = BatchStage.Attested;
            await WriteAsync();
            return;
        }

        var (proposal, refusals) = await committee.ProposeAsync(request, batch.Root.HexToByteArray(), TimeSpan.FromMilliseconds(Pipeline.AttestationTimeoutMilliseconds), cancellationToken);
        if (proposal is null)
        {
            if (await TakeOutUnprovenAsync(batch, cancellationToken))
            {
                return;
            }

            _nextAttestation[batch.Number] = time.GetUtcNow().AddSeconds(1);
            await WaitAsync(batch, $"optimistic route: no committee member proposed the root; {string.Join("; ", refusals)}");
            return;
        }

        _nextAttestation.Remove(batch.Number);
        batch.ProposedBy = proposal.Member;
        batch.Signers = [proposal.Member];
        batch.Signatures = [];
        batch.RootTransactions = [proposal.TransactionHash!];
        batch.RootSentAt = time.GetUtcNow();
        batch.Stage = BatchStage.Attested;
        batch.Waiting = null;
        await WriteAsync();
    }

    private async Task SubmitRootAsync(RouteBatch batch, bool headOfLine, CancellationToken cancellationToken)
    {
        var onChain = await BatchOnChainAsync(batch, cancellationToken);
        var root = RootOf(onChain);
        if (root == batch.Root && onChain.Voided)
        {
            await RenumberAsync(batch, $"{root} (ours, voided by a watcher's challenge; the destination's admin must resume the route)");
            return;
        }

        if (root == batch.Root && onChain.AcceptableAt > 0)
        {
            var head = await Destination.GetHeadAsync(cancellationToken);
            if ((long)onChain.AcceptableAt > head.Timestamp)
            {
                await WaitAsync(batch, $"root proposed by {batch.ProposedBy ?? "a committee member"}; in its challenge window until {DateTimeOffset.FromUnixTimeSeconds((long)onChain.AcceptableAt):u} ({_destination.Name} chain time)");
                return;
            }
        }

        if (root == batch.Root)
        {
            var receipt = await FirstReceiptAsync(batch.RootTransactions, cancellationToken);
            batch.Stage = BatchStage.Accepted;
            batch.Waiting = null;
            batch.RootTransaction = receipt?.TransactionHash;
            batch.RootBlock = (long?)receipt?.BlockNumber?.Value ?? 0;
            await WriteAsync();
            return;
        }

        if (root is not null)
        {
            await RenumberAsync(batch, root);
            return;
        }

        if (batch.RootTransactions.Count > 0)
        {
            await FollowUpAsync(batch.RootTransactions, batch.RootSentAt, batch, batch.ProposedBy is null ? "submitRoot" : "proposeRoot", cancellationToken);
            if (headOfLine && batch.ProposedBy is null && batch.RootTransactions.Count > 0 && batch.ExecuteTransactions.Count == 0)
            {
                // The batch before it is in flight now: this execution can follow its root at once.
                await SendExecutionAsync(batch, estimate: false, cancellationToken);
            }

            return;
        }

        if (batch.ProposedBy is not null)
        {
            // The proposal never landed: ask the members again.
            batch.Stage = BatchStage.Formed;
            batch.ProposedBy = null;
            batch.Signers = [];
            await WriteAsync();
            return;
        }

        var submitRoot = new SubmitRootFunction
        {
            SrcChainId = _route.SrcChainId,
            SrcContract = _route.SrcContract,
            BatchNumber = batch.Number,
            Root = batch.Root.HexToByteArray(),
            MessageCount = (uint)batch.Transfers.Count,
            Signatures = [.. batch.Signatures.Select(s => new SignatureStruct { R = s.R.HexToByteArray(), S = s.S.HexToByteArray(), V = s.V })],
        };
        var rootRequest = new SubmissionRequest(_destination.Vault, submitRoot.GetCallData().ToHex(prefix: true), null, $"submitRoot {RouteKey.Of(_source.ChainId, _destination.ChainId)} #{batch.Number}");

        // At the head of the line the execution goes right behind the root, with the next nonce and
        // in the same call to the submitter: both land in the same destination block.
        var execution = headOfLine ? await PlanExecutionAsync(batch, estimate: false, cancellationToken) : null;
        var results = await Submitter().SendInOrder(execution is null ? [rootRequest] : [rootRequest, execution.Request]);
        if (!results[0].IsSent)
        {
            // BatchAlreadySubmitted: someone submitted it meanwhile; the next tick reads the root.
            await WaitAsync(batch, $"the destination refuses the root: {results[0].Revert}");
            return;
        }

        batch.RootTransactions = [results[0].TransactionHash!];
        batch.RootSentAt = time.GetUtcNow();
        if (execution is null)
        {
            await WriteAsync();
            return;
        }

        await RecordExecutionSentAsync(batch, execution, results[1]);
    }

    private async Task ExecuteAsync(RouteBatch batch, CancellationToken cancellationToken)
    {
        if (batch.ExecuteTransactions.Count > 0)
        {
            var receipt = await FirstReceiptAsync(batch.ExecuteTransactions, cancellationToken);
            if (receipt is null)
            {
                await FollowUpAsync(batch.ExecuteTransactions, batch.ExecuteSentAt, batch, "executeTransfers", cancellationToken);
                return;
            }

            var executing = batch.Executing.ToList();
            ClearExecution(batch);
            if (!receipt.Failed())
            {
                await RecordExecutedAsync(batch, executing, receipt.TransactionHash, (long)receipt.BlockNumber.Value, $"credited on chain {_destination.ChainId} in batch {batch.Number} (tx {receipt.TransactionHash})");
                return;
            }

            await WriteAsync();
        }

        // Anyone may execute with the proof: a set replay bit counts as done, whoever set it.
        var byOthers = new List<int>();
        foreach (var leaf in Pending(batch))
        {
            if (await IsExecutedOnChainAsync(batch.Transfers[leaf], cancellationToken))
            {
                byOthers.Add(leaf);
            }
        }

        if (byOthers.Count > 0)
        {
            await RecordExecutedAsync(batch, byOthers, null, null, $"executed on chain {_destination.ChainId} by another party (the destination's replay bit is set)");
        }

        if (batch.Stage != BatchStage.Done)
        {
            await SendExecutionAsync(batch, estimate: true, cancellationToken);
        }
    }

    private async Task SendExecutionAsync(RouteBatch batch, bool estimate, CancellationToken cancellationToken)
    {
        if (await PlanExecutionAsync(batch, estimate, cancellationToken) is { } execution)
        {
            await RecordExecutionSentAsync(batch, execution, await Submitter().Send(execution.Request));
        }
    }

    /// <summary>
    /// The execution of what the destination can pay now, first come, first served; or null, after
    /// telling the batch why nothing can be paid. Without <paramref name="estimate"/> the gas limit is
    /// fixed, for an execution sent behind its root before that root is mined.
    /// </summary>
    private async Task<PlannedExecution?> PlanExecutionAsync(RouteBatch batch, bool estimate, CancellationToken cancellationToken)
    {
        var pending = Owed(batch).Select(i => (i, batch.Transfers[i])).ToList();
        if (pending.Count == 0)
        {
            await WaitAsync(batch, $"its last {batch.Voiding.Count} transfer(s) are being voided on the destination");
            return null;
        }

        var liquidity = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var token in pending.Select(p => p.Item2.DestinationToken).Distinct())
        {
            liquidity[token] = await Destination.QueryAsync<LiquidityFunction, BigInteger>(_destination.Vault, new LiquidityFunction { Token = token }, cancellationToken);
        }

        var plan = LiquidityPlan.Plan(pending, liquidity);
        if (plan.Payable.Count == 0)
        {
            await WaitAsync(batch, plan.Shortfall!);
            return null;
        }

        var multiproof = TreeOf(batch).Multiproof(plan.Payable);
        var call = new ExecuteTransfersFunction
        {
            Route = _route,
            BatchNumber = batch.Number,
            Transfers = [.. multiproof.LeafIndices.Select(i => ToStruct(batch.Transfers[i]))],
            Proof = multiproof.Proof,
            ProofFlags = multiproof.Flags,
        };
        long? gasLimit = estimate ? null : 80_000 + (40_000L * plan.Payable.Count);
        return new PlannedExecution(
            new SubmissionRequest(_destination.Vault, call.GetCallData().ToHex(prefix: true), gasLimit, $"executeTransfers {RouteKey.Of(_source.ChainId, _destination.ChainId)} #{batch.Number} ({plan.Payable.Count})"),
            plan);
    }

    private async Task RecordExecutionSentAsync(RouteBatch batch, PlannedExecution execution, SubmissionResult result)
    {
        if (!result.IsSent)
        {
            await WaitAsync(batch, $"the destination refuses the execution: {result.Revert}");
            return;
        }

        var plan = execution.Plan;
        batch.ExecuteTransactions = [result.TransactionHash!];
        batch.ExecuteSentAt = time.GetUtcNow();
        batch.Executing = [.. plan.Payable];
        batch.Waiting = plan.Shortfall;
        await WriteAsync();
        if (plan.Shortfall is not null)
        {
            var executing = plan.Payable.ToHashSet();
            await Task.WhenAll(Owed(batch).Where(i => !executing.Contains(i)).Select(i => Transfer(batch.Transfers[i].Id).Hold(plan.Shortfall)));
        }
    }

    /// <summary>A transaction of ours in flight: wait for it, replace it at higher fees when stuck, or forget it when it failed.</summary>
    private async Task FollowUpAsync(List<string> transactions, DateTimeOffset? sentAt, RouteBatch batch, string purpose, CancellationToken cancellationToken)
    {
        var receipt = await FirstReceiptAsync(transactions, cancellationToken);
        if (receipt is not null)
        {
            if (receipt.Failed())
            {
                // Re-decided from the destination's state next tick.
                await WaitAsync(batch, $"{purpose} transaction {receipt.TransactionHash} reverted; deciding again from the destination's state");
                transactions.Clear();
                ClearExecution(batch);
                await WriteAsync();
            }

            return;
        }

        if (sentAt is { } at && time.GetUtcNow() - at > TimeSpan.FromSeconds(Pipeline.StuckTransactionSeconds))
        {
            var replaced = await Submitter().Replace(transactions[^1]);
            if (replaced.Nonce < 0)
            {
                // Sent by an earlier activation and unknown now: decide again from the chain.
                transactions.Clear();
                ClearExecution(batch);
            }
            else if (replaced.TransactionHash != transactions[^1])
            {
                transactions.Add(replaced.TransactionHash!);
            }

            if (ReferenceEquals(transactions, batch.RootTransactions))
            {
                batch.RootSentAt = time.GetUtcNow();
            }
            else
            {
                batch.ExecuteSentAt = time.GetUtcNow();
            }

            await WriteAsync();
        }
    }

    private async Task RecordExecutedAsync(RouteBatch batch, List<int> leaves, string? transactionHash, long? block, string detail)
    {
        foreach (var leaf in leaves)
        {
            batch.Executed.Add(leaf);
            batch.ExecutionNotes[leaf] = new ExecutionNote(transactionHash, block, detail);
        }

        // An execution by someone else was in a block at or below the head we read now.
        batch.ExecutedThroughBlock = Math.Max(batch.ExecutedThroughBlock, block ?? (await Destination.GetHeadAsync(CancellationToken.None)).Number);
        batch.ExecutedAt = time.GetUtcNow();

        State.ExecutedTransfers += leaves.Count;
        if (batch.Executed.Count == batch.Transfers.Count)
        {
            batch.Stage = BatchStage.Done;
            batch.Waiting = null;
        }

        await WriteAsync();
    }

    /// <summary>
    /// A reorg of the destination was detected after this batch executed and before its blocks were
    /// hard-final: whatever the destination no longer shows as executed is executed again.
    /// </summary>
    private async Task ReverifyAsync(RouteBatch batch, ReorgRecord reorg, CancellationToken cancellationToken)
    {
        await AnnouncedAsync();
        var undone = new List<int>();
        foreach (var leaf in batch.Executed)
        {
            if (!await IsExecutedOnChainAsync(batch.Transfers[leaf], cancellationToken))
            {
                undone.Add(leaf);
            }
        }

        var reason = $"a reorg of chain {_destination.ChainId} (common ancestor {reorg.CommonAncestor}) undid the execution before it was hard-final; executing again";
        await Task.WhenAll(undone.Select(i => Transfer(batch.Transfers[i].Id).ReopenAfterDestinationReorg(reason)));
        batch.ExecutedAt = time.GetUtcNow();
        if (undone.Count > 0)
        {
            batch.AnnouncedExecuted.ExceptWith(undone);
            foreach (var leaf in undone)
            {
                batch.ExecutionNotes.Remove(leaf);
            }

            batch.Executed.ExceptWith(undone);
            State.ExecutedTransfers -= undone.Count;
            batch.Stage = await RootOnChainAsync(batch, cancellationToken) == batch.Root ? BatchStage.Accepted : BatchStage.Attested;
            batch.RootTransactions = [];
            ClearExecution(batch);
            LogExecutionUndone(_source.ChainId, _destination.ChainId, batch.Number, undone.Count, reorg.CommonAncestor);
        }

        await WriteAsync();
    }

    /// <summary>The destination holds another root under this batch number (our state was lost): take a fresh number and attest again.</summary>
    private async Task RenumberAsync(RouteBatch batch, string foreignRoot)
    {
        await AnnouncedAsync();
        var old = batch.Number;
        _trees.Remove(old);
        batch.Number = State.NextBatchNumber++;
        batch.Stage = BatchStage.Formed;
        batch.Signers = [];
        batch.Signatures = [];
        batch.RootTransactions = [];
        batch.ProposedBy = null;
        ClearExecution(batch);
        batch.Announced.Clear();
        LogRenumbered(_source.ChainId, _destination.ChainId, old, foreignRoot, batch.Number);
        await WriteAsync();
    }

    private async Task WaitAsync(RouteBatch batch, string reason)
    {
        if (batch.Waiting == reason)
        {
            return;
        }

        batch.Waiting = reason;
        await ForEachOpenAsync(batch, grain => grain.Hold(reason));
    }

    /// <summary>Tells every transfer of the batch the route still owes (a transfer being voided hears only from its void).</summary>
    private Task ForEachOpenAsync(RouteBatch batch, Func<ITransferGrain, Task> action) =>
        Task.WhenAll(Owed(batch).Select(i => action(Transfer(batch.Transfers[i].Id))));

    /// <summary>
    /// Tells every transfer of the batch that is not being voided, executed ones too: a batch can go
    /// from attested to executed in one tick, and its transfers still pass every stage in order.
    /// </summary>
    private Task ForEachNotVoidingAsync(RouteBatch batch, Func<ITransferGrain, Task> action) =>
        Task.WhenAll(Enumerable.Range(0, batch.Transfers.Count).Where(i => !batch.Voiding.Contains(i)).Select(i => action(Transfer(batch.Transfers[i].Id))));

    /// <summary>The root the destination holds under the batch's number, or null for none.</summary>
    private async Task<string?> RootOnChainAsync(RouteBatch batch, CancellationToken cancellationToken) =>
        RootOf(await BatchOnChainAsync(batch, cancellationToken));

    private Task<BatchOutput> BatchOnChainAsync(RouteBatch batch, CancellationToken cancellationToken) =>
        Destination.QueryDeserializingAsync<BatchesFunction, BatchOutput>(_destination.Vault, new BatchesFunction { RouteKey = _routeKey, BatchNumber = batch.Number }, cancellationToken);

    private static string? RootOf(BatchOutput batch) => batch.Root.Any(b => b != 0) ? batch.Root.ToHex(prefix: true) : null;

    /// <summary>The destination's replay bit of the message: set by whoever executed it.</summary>
    private Task<bool> IsExecutedOnChainAsync(TransferMessage message, CancellationToken cancellationToken) =>
        Destination.QueryAsync<IsExecutedFunction, bool>(_destination.Vault, new IsExecutedFunction { SrcChainId = _route.SrcChainId, SrcContract = _route.SrcContract, MessageNonce = message.Nonce }, cancellationToken);

    /// <summary>
    /// Every transfer the route still owes in the batch is in an execution of ours already sent, or
    /// none is left (the rest are being voided): the next batch may follow at once, since our nonces
    /// put its execution after this one on chain, and a void never waits for the route.
    /// </summary>
    private static bool FullyInFlight(RouteBatch batch)
    {
        var owed = Owed(batch).Count();
        return owed == 0 || (batch.ExecuteTransactions.Count > 0 && batch.Executing.Count == owed);
    }

    private static IEnumerable<int> Pending(RouteBatch batch) => Enumerable.Range(0, batch.Transfers.Count).Where(i => !batch.Executed.Contains(i));

    /// <summary>The unexecuted transfers the route is to pay: all but those being voided.</summary>
    private static IEnumerable<int> Owed(RouteBatch batch) => Pending(batch).Where(i => !batch.Voiding.Contains(i));

    private static void ClearExecution(RouteBatch batch)
    {
        batch.ExecuteTransactions = [];
        batch.ExecuteSentAt = null;
        batch.Executing = [];
    }

    private async Task<TransactionReceipt?> FirstReceiptAsync(IEnumerable<string> transactions, CancellationToken cancellationToken)
    {
        foreach (var hash in transactions.Reverse())
        {
            if (await Destination.GetReceiptAsync(hash, cancellationToken) is { } receipt)
            {
                return receipt;
            }
        }

        return null;
    }

    private MerkleTree TreeOf(RouteBatch batch)
    {
        if (!_trees.TryGetValue(batch.Number, out var tree))
        {
            tree = new MerkleTree([.. batch.Transfers.Select(t => t.Id.HexToByteArray())]);
            _trees[batch.Number] = tree;
        }

        return tree;
    }

    private static TransferStruct ToStruct(TransferMessage m) =>
        new() { Nonce = m.Nonce, Expiry = 0, Token = m.DestinationToken, Recipient = m.Recipient, Amount = m.Amount };

    private sealed record PlannedExecution(SubmissionRequest Request, LiquidityDecision Plan);

    private ITransferGrain Transfer(string id) => GrainFactory.GetGrain<ITransferGrain>(id);

    private IChainSubmitterGrain Submitter() => GrainFactory.GetGrain<IChainSubmitterGrain>(_destination.ChainId);

    /// <summary>Persists the state as a group commit (<see cref="GroupCommit"/>): <see cref="Enqueue"/> interleaves with a tick, and a poll's worth of transfers enqueued at once costs two writes, not one each.</summary>
    private Task WriteAsync() => _commit.RunAsync();

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Route {Src}->{Dst}: a tick failed: {ErrorType} {Error}")]
    private partial void LogTickFailed(long src, long dst, string errorType, string error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Route {Src}->{Dst}: telling transfers of their batches failed ({ErrorType} {Error}); the next pass tells them")]
    private partial void LogAnnounceFailed(long src, long dst, string errorType, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Route {Src}->{Dst}: storage holds another version of the route's state ({Error}); reloaded it")]
    private partial void LogStaleState(long src, long dst, string error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Route {Src}->{Dst}: a destination reorg (ancestor {Ancestor}) undid {Count} executions of batch {Batch}; executing them again")]
    private partial void LogExecutionUndone(long src, long dst, ulong batch, int count, long ancestor);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Route {Src}->{Dst}: batch number {Old} already holds root {ForeignRoot} on the destination; renumbered as {New}")]
    private partial void LogRenumbered(long src, long dst, ulong old, string foreignRoot, ulong @new);
}
