using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Accounts;
using MarginBridge.Grains.Journal;
using Orleans.Serialization;

namespace MarginBridge.Grains.Transfers;

/// <summary>
/// One transfer's lifecycle as a state machine whose only record is the audit journal: each
/// transition happens once, is timestamped and is one appended row (carrying the message or the
/// batch placement where it sets them), and the grain reads its rows back when it activates. One
/// write per transition, and nothing to reconcile between a state and its journal after a crash.
/// A transition to a stage the transfer already passed changes nothing, so every caller may simply
/// repeat itself.
/// </summary>
public sealed class TransferGrain(
    AuditJournal journal,
    AccountTransferIndex accountTransfers,
    Serializer serializer,
    TimeProvider time) : Grain, ITransferGrain
{
    private TransferState State { get; set; } = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => State = await ReplayAsync(cancellationToken);

    private string Relayer => RelayerOf(State.Message!);

    private string Route => $"route {State.Message!.SrcChainId}→{State.Message.DstChainId}";

    public async Task Observe(TransferMessage message)
    {
        var reincluded = State.Stage == TransferStage.Dropped && State.Message?.BlockHash != message.BlockHash;
        if (State.Message is not null && !reincluded)
        {
            return;
        }

        // Indexed on both accounts and debited first, together: a crash before the journal row repeats these, harmlessly.
        var observedAt = time.GetUtcNow();
        await Task.WhenAll(Parties(message)
            .Select(a => accountTransfers.AddAsync(a, message.Id, observedAt))
            .Append(ApplyDebitAsync(message, hardFinal: false)));
        await AppendAsync(nameof(TransferStage.Observed), RelayerOf(message), $"TransferInitiated in block {message.BlockNumber} (tx {message.TransactionHash}); waiting for the source to be hard-final", message.BlockNumber, message: message);
    }

    public async Task MarkSourceHardFinal(long blockNumber, long atHead)
    {
        if (State.Stage != TransferStage.Observed || State.Message?.BlockNumber != blockNumber)
        {
            return;
        }

        // Queued before the journal row: the relayer repeats an undelivered update, and the route ignores a second copy.
        var message = State.Message;
        await ApplyDebitAsync(message, hardFinal: true);
        await GrainFactory.GetGrain<IRouteGrain>(RouteKey.Of(message.SrcChainId, message.DstChainId)).Enqueue(message);
        await MoveAsync(TransferStage.SourceHardFinal, blockNumber, Relayer, $"source block {blockNumber} is hard-final (head {atHead}); queued on {Route}");
    }

    public async Task Drop(string blockHash, string reason)
    {
        if (State.Stage == TransferStage.Observed && State.Message?.BlockHash == blockHash)
        {
            await RemoveDebitAsync(State.Message);
            await MoveAsync(TransferStage.Dropped, State.Message.BlockNumber, Relayer, reason);
        }
    }

    public async Task Reject(TransferMessage message, string reason)
    {
        if (State.Message is null)
        {
            await AppendAsync(nameof(TransferStage.Rejected), RelayerOf(message), reason, message.BlockNumber, message: message);
        }
    }

    public async Task Cancel(string actor, string reason)
    {
        if (State.Message is not null && Rank(State.Stage) is 0 or 1)
        {
            await RemoveDebitAsync(State.Message);
            await MoveAsync(TransferStage.Cancelled, null, actor, reason);
        }
    }

    public async Task MarkBatched(TransferPlacement placement)
    {
        // A route that finds its batch number taken on the destination renumbers the batch before its root is accepted.
        var renumbered = State.Placement is not null && State.Placement.BatchNumber != placement.BatchNumber && Reaches(TransferStage.RootAccepted);
        if (Reaches(TransferStage.Batched) || renumbered)
        {
            await AppendAsync(nameof(TransferStage.Batched), Route, $"batch {placement.BatchNumber}, leaf {placement.LeafIndex} of {placement.BatchSize}; root {placement.Root}", placement.SourceBlock, placement: placement);
        }
    }

    public async Task Unbatch(ulong batchNumber, string reason)
    {
        if (State.Stage == TransferStage.Batched && State.Placement?.BatchNumber == batchNumber)
        {
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
            if (!State.Message!.FundsInsurance)
            {
                await Recipient(State.Message).ApplyTransferLeg(Credit(State.Message, hardFinal: false));
            }

            await MoveAsync(TransferStage.Executed, block, Route, detail);
        }
    }

    public async Task MarkSettled()
    {
        if (State.Stage == TransferStage.Executed && !State.Settled)
        {
            // Both legs are final for good now: the accounts fold them into their settled totals.
            var message = State.Message!;
            await Task.WhenAll(new[] { (Account: message.Account, Key: Debit(message, hardFinal: true).Key), (Account: message.Recipient, Key: Credit(message, hardFinal: true).Key) }
                .Where(leg => Parties(message).Contains(leg.Account))
                .GroupBy(leg => leg.Account, leg => leg.Key)
                .Select(legs => GrainFactory.GetGrain<IAccountMarginGrain>(legs.Key).SettleTransferLegs([.. legs])));
            await AppendAsync(TransferState.SettledKind, Route, "the destination blocks that hold its execution are final: the credit can no longer be undone", null);
        }
    }

    public async Task ReopenAfterDestinationReorg(string reason)
    {
        if (State.Stage == TransferStage.Executed && !State.Settled)
        {
            if (!State.Message!.FundsInsurance)
            {
                await Recipient(State.Message).RemoveTransferLeg(Credit(State.Message, hardFinal: false).Key);
            }

            await MoveAsync(TransferStage.Batched, null, Route, reason);
        }
    }

    public async Task RecordOperatorAction(string operatorName, string action, string detail)
    {
        if (State.Message is null)
        {
            return;
        }

        await AppendAsync($"{TransferState.OperatorKindPrefix}{action}", $"operator {operatorName}", detail, null);
    }

    public async Task BeginVoid(string actor, string detail)
    {
        if (State.Message is not null && Rank(State.Stage) is >= 0 and < 5)
        {
            await MoveAsync(TransferStage.Voiding, null, actor, detail);
        }
    }

    public async Task EndVoid(string? refundId, long? block, string detail)
    {
        if (State.Stage != TransferStage.Voiding)
        {
            return;
        }

        var message = State.Message!;
        if (refundId is not null)
        {
            // The amount left the sender for good here; the refund is a transfer of its own that credits it back.
            if (!message.Refunds)
            {
                await Sender(message).SettleTransferLegs([Debit(message, hardFinal: true).Key]);
            }

            await MoveAsync(TransferStage.Voided, block, "committee", detail);
            return;
        }

        if (!message.FundsInsurance)
        {
            await Recipient(message).ApplyTransferLeg(Credit(message, hardFinal: false));
        }

        await MoveAsync(TransferStage.Executed, block, Route, detail);
    }

    public async Task ReturnFromVoid(TransferStage stage, string actor, string detail)
    {
        if (State.Stage == TransferStage.Voiding)
        {
            await MoveAsync(stage, null, actor, detail);
        }
    }

    public async Task Hold(string reason)
    {
        var moving = Rank(State.Stage) is >= 0 and < 5 || State.Stage == TransferStage.Voiding;
        if (State.Message is null || !moving || State.HeldReason == reason)
        {
            return;
        }

        await AppendAsync(nameof(TransferStage.Held), Route, reason, null);
    }

    public Task<TransferView?> GetView() => Task.FromResult(State.Message is null
        ? null
        : new TransferView(State.Message, State.HeldReason is null ? State.Stage : TransferStage.Held, [.. State.Steps], State.Placement, State.HeldReason));

    /// <summary>The accounts a transfer touches: its sender unless that is the source vault (a refund), and its recipient unless that is the destination's insurance fund.</summary>
    private static IEnumerable<string> Parties(TransferMessage m) =>
        m.FundsInsurance ? [m.Account] : m.Refunds ? [m.Recipient] : new[] { m.Account, m.Recipient }.Distinct();

    /// <summary>The sender's debit leg; a refund debits no account (the source vault sends it).</summary>
    private Task ApplyDebitAsync(TransferMessage m, bool hardFinal) => m.Refunds ? Task.CompletedTask : Sender(m).ApplyTransferLeg(Debit(m, hardFinal));

    private Task RemoveDebitAsync(TransferMessage m) => m.Refunds ? Task.CompletedTask : Sender(m).RemoveTransferLeg(Debit(m, hardFinal: false).Key);

    private static string RelayerOf(TransferMessage m) => $"relayer of chain {m.SrcChainId}";

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

    private Task MoveAsync(TransferStage stage, long? block, string actor, string detail) => AppendAsync(stage.ToString(), actor, detail, block);

    private async Task AppendAsync(string kind, string actor, string detail, long? block, TransferMessage? message = null, TransferPlacement? placement = null)
    {
        var row = new JournalEntry(this.GetPrimaryKeyString(), State.Rows, kind, actor, detail, time.GetUtcNow(), block);
        var payload = message is not null ? serializer.SerializeToArray(message) : placement is not null ? serializer.SerializeToArray(placement) : null;
        if (await journal.AppendAsync(row, payload))
        {
            State.Apply(row, message, placement);
            return;
        }

        // The row is taken: a retried request of ours went through after all, or another activation
        // moved on. Either way the journal is the truth; the caller repeats the step if it was not ours.
        var rows = await journal.ReadWithPayloadsAsync(row.Subject);
        State = Replay(rows);
        if (rows.FirstOrDefault(r => r.Entry.Sequence == row.Sequence).Entry is not { } written || written.Kind != kind || written.Detail != detail)
        {
            throw new InvalidOperationException($"transfer {row.Subject}: journal row {row.Sequence} was written by another activation; reloaded, the step is to be repeated");
        }
    }

    private async Task<TransferState> ReplayAsync(CancellationToken cancellationToken) =>
        Replay(await journal.ReadWithPayloadsAsync(this.GetPrimaryKeyString(), cancellationToken));

    private TransferState Replay(IEnumerable<(JournalEntry Entry, byte[]? Payload)> rows)
    {
        var replayed = new TransferState();
        foreach (var (row, payload) in rows)
        {
            var message = payload is not null && TransferState.CarriesMessage(row.Kind) ? serializer.Deserialize<TransferMessage>(payload) : null;
            var placement = payload is not null && row.Kind == nameof(TransferStage.Batched) ? serializer.Deserialize<TransferPlacement>(payload) : null;
            replayed.Apply(row, message, placement);
        }

        return replayed;
    }
}
