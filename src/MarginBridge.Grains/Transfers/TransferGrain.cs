using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Journal;

namespace MarginBridge.Grains.Transfers;

/// <summary>
/// One transfer's lifecycle as a persisted state machine. Each transition happens once, is
/// timestamped, kept as a step and appended to the audit journal (journal first: a transition
/// retried after a crash finds its row there and only completes the state write). A transition to
/// a stage the transfer already passed changes nothing, so every caller may simply repeat itself.
/// </summary>
public sealed class TransferGrain(
    [PersistentState("transfer", "transfers")] IPersistentState<TransferState> state,
    AuditJournal journal,
    TimeProvider time) : Grain, ITransferGrain
{
    private TransferState State => state.State;

    private string Relayer => $"relayer of chain {State.Message!.SrcChainId}";

    private string Route => $"route {State.Message!.SrcChainId}→{State.Message.DstChainId}";

    public async Task Observe(TransferMessage message)
    {
        var reincluded = State.Stage == TransferStage.Dropped && State.Message?.BlockHash != message.BlockHash;
        if (State.Message is not null && !reincluded)
        {
            return;
        }

        // Indexed on both accounts first: a crash before the state write repeats this, harmlessly.
        await Task.WhenAll(new[] { message.Account, message.Recipient }.Distinct().Select(a => GrainFactory.GetGrain<IAccountMarginGrain>(a).RecordTransfer(message.Id)));
        await Sender(message).ApplyTransferLeg(Debit(message, hardFinal: false));
        State.Message = message;
        await MoveAsync(TransferStage.Observed, message.BlockNumber, Relayer, $"TransferInitiated in block {message.BlockNumber} (tx {message.TransactionHash}); waiting for the source to be hard-final");
    }

    public async Task MarkSourceHardFinal(long blockNumber, long atHead)
    {
        if (State.Stage != TransferStage.Observed || State.Message?.BlockNumber != blockNumber)
        {
            return;
        }

        // Queued before the state write: the relayer repeats an undelivered update, and the route ignores a second copy.
        var message = State.Message;
        await Sender(message).ApplyTransferLeg(Debit(message, hardFinal: true));
        await GrainFactory.GetGrain<IRouteGrain>(RouteKey.Of(message.SrcChainId, message.DstChainId)).Enqueue(message);
        await MoveAsync(TransferStage.SourceHardFinal, blockNumber, Relayer, $"source block {blockNumber} is hard-final (head {atHead}); queued on {Route}");
    }

    public async Task Drop(string blockHash, string reason)
    {
        if (State.Stage == TransferStage.Observed && State.Message?.BlockHash == blockHash)
        {
            await Sender(State.Message).RemoveTransferLeg(Debit(State.Message, hardFinal: false).Key);
            await MoveAsync(TransferStage.Dropped, State.Message.BlockNumber, Relayer, reason);
        }
    }

    public async Task Reject(TransferMessage message, string reason)
    {
        if (State.Message is null)
        {
            State.Message = message;
            await MoveAsync(TransferStage.Rejected, message.BlockNumber, Relayer, reason);
        }
    }

    public async Task Cancel(string actor, string reason)
    {
        if (State.Message is not null && Rank(State.Stage) is 0 or 1)
        {
            await Sender(State.Message).RemoveTransferLeg(Debit(State.Message, hardFinal: false).Key);
            await MoveAsync(TransferStage.Cancelled, null, actor, reason);
        }
    }

    public async Task MarkBatched(TransferPlacement placement)
    {
        // A route that finds its batch number taken on the destination renumbers the batch before its root is accepted.
        var renumbered = State.Placement is not null && State.Placement.BatchNumber != placement.BatchNumber && Reaches(TransferStage.RootAccepted);
        if (Reaches(TransferStage.Batched) || renumbered)
        {
            State.Placement = placement;
            await MoveAsync(TransferStage.Batched, placement.SourceBlock, Route, $"batch {placement.BatchNumber}, leaf {placement.LeafIndex} of {placement.BatchSize}; root {placement.Root}");
        }
    }

    public async Task Unbatch(ulong batchNumber, string reason)
    {
        if (State.Stage == TransferStage.Batched && State.Placement?.BatchNumber == batchNumber)
        {
            State.Placement = null;
            await MoveAsync(TransferStage.SourceHardFinal, null, Route, $"taken out of batch {batchNumber} before its root was attested: {reason}");
        }
    }

    public async Task MarkRootAttested(ulong batchNumber, IReadOnlyList<string> members, bool proposed)
    {
        if (Reaches(TransferStage.RootAttested))
        {
            var detail = proposed
                ? $"the root of batch {batchNumber} is proposed on the destination by member {string.Join(", ", members)}; the other members watch it during the challenge window"
                : $"the root of batch {batchNumber} is signed by {members.Count} members: {string.Join(", ", members)}";
            await MoveAsync(TransferStage.RootAttested, null, Route, detail);
        }
    }

    public async Task MarkRootAccepted(ulong batchNumber, string transactionHash, long block)
    {
        if (Reaches(TransferStage.RootAccepted))
        {
            await MoveAsync(TransferStage.RootAccepted, block, Route, $"the destination inbox accepted the root of batch {batchNumber} (tx {transactionHash})");
        }
    }

    public async Task MarkExecuted(string? transactionHash, long? block, string detail)
    {
        if (Reaches(TransferStage.Executed))
        {
            await Recipient(State.Message!).ApplyTransferLeg(Credit(State.Message!, hardFinal: false));
            await MoveAsync(TransferStage.Executed, block, Route, detail);
        }
    }

    public async Task MarkSettled()
    {
        if (State.Stage == TransferStage.Executed && !State.Settled)
        {
            await Recipient(State.Message!).ApplyTransferLeg(Credit(State.Message!, hardFinal: true));
            State.Settled = true;
            await state.WriteStateAsync();
        }
    }

    public async Task ReopenAfterDestinationReorg(string reason)
    {
        if (State.Stage == TransferStage.Executed && !State.Settled)
        {
            await Recipient(State.Message!).RemoveTransferLeg(Credit(State.Message!, hardFinal: false).Key);
            await MoveAsync(TransferStage.Batched, null, Route, reason);
        }
    }

    public async Task RecordOperatorAction(string operatorName, string action, string detail)
    {
        if (State.Message is null)
        {
            return;
        }

        var text = $"operator {operatorName}: {action} — {detail}";
        var step = new TransferStep(State.Stage, time.GetUtcNow(), null, text);
        await journal.AppendAsync(new JournalEntry(this.GetPrimaryKeyString(), State.Steps.Count, $"Operator:{action}", $"operator {operatorName}", detail, step.At, null));
        State.Steps.Add(step);
        await state.WriteStateAsync();
    }

    public async Task Hold(string reason)
    {
        if (State.Message is null || Rank(State.Stage) is < 0 or >= 5 || State.HeldReason == reason)
        {
            return;
        }

        var step = new TransferStep(TransferStage.Held, time.GetUtcNow(), null, reason);
        await journal.AppendAsync(new JournalEntry(this.GetPrimaryKeyString(), State.Steps.Count, nameof(TransferStage.Held), Route, reason, step.At, null));
        State.HeldReason = reason;
        State.Steps.Add(step);
        await state.WriteStateAsync();
    }

    public Task<TransferView?> GetView() => Task.FromResult(State.Message is null
        ? null
        : new TransferView(State.Message, State.HeldReason is null ? State.Stage : TransferStage.Held, [.. State.Steps], State.Placement, State.HeldReason));

    private IAccountMarginGrain Sender(TransferMessage m) => GrainFactory.GetGrain<IAccountMarginGrain>(m.Account);

    private IAccountMarginGrain Recipient(TransferMessage m) => GrainFactory.GetGrain<IAccountMarginGrain>(m.Recipient);

    private static TransferLeg Debit(TransferMessage m, bool hardFinal) => new($"{m.Id}:out", m.SrcChainId, m.SourceToken, -m.Amount, hardFinal);

    private static TransferLeg Credit(TransferMessage m, bool hardFinal) => new($"{m.Id}:in", m.DstChainId, m.DestinationToken, m.Amount, hardFinal);

    /// <summary>Whether the transfer is on its way and has not yet reached <paramref name="stage"/>.</summary>
    private bool Reaches(TransferStage stage) => State.Message is not null && Rank(State.Stage) >= 0 && Rank(State.Stage) < Rank(stage);

    /// <summary>Position in the lifecycle; -1 for the ways a transfer ends without moving funds.</summary>
    private static int Rank(TransferStage stage) => stage switch
    {
        TransferStage.Observed => 0,
        TransferStage.SourceHardFinal => 1,
        TransferStage.Batched => 2,
        TransferStage.RootAttested => 3,
        TransferStage.RootAccepted => 4,
        TransferStage.Executed => 5,
        _ => -1,
    };

    private async Task MoveAsync(TransferStage stage, long? block, string actor, string detail)
    {
        var step = new TransferStep(stage, time.GetUtcNow(), block, detail);
        await journal.AppendAsync(new JournalEntry(this.GetPrimaryKeyString(), State.Steps.Count, stage.ToString(), actor, detail, step.At, block));
        State.Stage = stage;
        State.HeldReason = null;
        State.Steps.Add(step);
        await state.WriteStateAsync();
    }
}
