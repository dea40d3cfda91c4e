using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Journal;

namespace MarginBridge.Grains.Transfers;

/// <summary>
/// One transfer's lifecycle as a persisted state machine. Each transition happens once, is
/// timestamped, kept as a step and appended to the audit journal (journal first: a transition
/// retried after a crash finds its row there and only completes the state write).
/// </summary>
public sealed class TransferGrain(
    [PersistentState("transfer", "transfers")] IPersistentState<TransferState> state,
    AuditJournal journal,
    TimeProvider time) : Grain, ITransferGrain
{
    private TransferState State => state.State;

    public async Task Observe(TransferMessage message)
    {
        var reincluded = State.Stage == TransferStage.Dropped && State.Message?.BlockHash != message.BlockHash;
        if (State.Message is not null && !reincluded)
        {
            return;
        }

        // Indexed on both accounts first: a crash before the state write repeats this, harmlessly.
        await Task.WhenAll(new[] { message.Account, message.Recipient }.Distinct().Select(a => GrainFactory.GetGrain<IAccountMarginGrain>(a).RecordTransfer(message.Id)));
        State.Message = message;
        await MoveAsync(TransferStage.Observed, message.BlockNumber, $"TransferInitiated in block {message.BlockNumber} (tx {message.TransactionHash}); waiting for the source to be hard-final");
    }

    public async Task MarkSourceHardFinal(long blockNumber, long atHead)
    {
        if (State.Stage == TransferStage.Observed && State.Message?.BlockNumber == blockNumber)
        {
            await MoveAsync(TransferStage.SourceHardFinal, blockNumber, $"source block {blockNumber} is hard-final (head {atHead})");
        }
    }

    public async Task Drop(string blockHash, string reason)
    {
        if (State.Stage == TransferStage.Observed && State.Message?.BlockHash == blockHash)
        {
            await MoveAsync(TransferStage.Dropped, State.Message.BlockNumber, reason);
        }
    }

    public async Task Reject(TransferMessage message, string reason)
    {
        if (State.Message is null)
        {
            State.Message = message;
            await MoveAsync(TransferStage.Rejected, message.BlockNumber, reason);
        }
    }

    public Task<TransferView?> GetView() =>
        Task.FromResult(State.Message is null ? null : new TransferView(State.Message, State.Stage, [.. State.Steps]));

    private async Task MoveAsync(TransferStage stage, long? block, string detail)
    {
        var step = new TransferStep(stage, time.GetUtcNow(), block, detail);
        var actor = $"relayer of chain {State.Message!.SrcChainId}";
        await journal.AppendAsync(new JournalEntry(this.GetPrimaryKeyString(), State.Steps.Count, stage.ToString(), actor, detail, step.At, block));
        State.Stage = stage;
        State.Steps.Add(step);
        await state.WriteStateAsync();
    }
}
