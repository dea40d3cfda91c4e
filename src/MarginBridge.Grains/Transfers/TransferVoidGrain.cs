using MarginBridge.Abstractions.Chains;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Grains.Liquidations;
using MarginBridge.Grains.Relaying;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Grains.Transfers;

/// <summary>
/// Voids one transfer on its destination (see <see cref="ITransferVoidGrain"/>). Each tick takes the
/// committee instruction a step further from the vault's own state; when it executed, the transfer is
/// Voided and names the refund the vault sent; when the destination executed the transfer first (the
/// vault refuses the void), the transfer is Executed after all. An expired instruction is numbered again.
/// An operator who withdraws the cancellation stops the attesting; the transfer goes back to its route
/// once the instruction attested so far has expired at a final block. A reminder brings the void back
/// on another silo after this one is lost.
/// </summary>
public sealed partial class TransferVoidGrain(
    [PersistentState("void", "transfers")] IPersistentState<TransferVoidState> state,
    IOptions<MarginBridgeOptions> options,
    ChainConnections connections,
    CommitteeClient committee,
    TimeProvider time,
    ILogger<TransferVoidGrain> logger) : Grain, ITransferVoidGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    private InstructionDriver _driver = null!;
    private IGrainTimer? _timer;
    private DateTimeOffset _retryAt;

    private TransferVoidState State => state.State;

    private ITransferGrain Transfer => GrainFactory.GetGrain<ITransferGrain>(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _driver = new InstructionDriver(connections, committee, GrainFactory, options.Value.Pipeline, time);
        if (State.Message is not null && !State.Done)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public async Task Start(TransferMessage message, string operatorName)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (State.Message is not null && !State.GivenBack)
        {
            return;
        }

        state.State = new TransferVoidState { Message = message };
        await state.WriteStateAsync(CancellationToken.None);
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Transfer.BeginVoid($"operator {operatorName}", $"void asked on chain {message.DstChainId}: once the committee attests it there, the transfer can never execute and its {message.Amount} base units return to {message.Account} on chain {message.SrcChainId}");
        StartTimer();
    }

    public async Task<OperatorOutcome> Withdraw(string operatorName)
    {
        if (State.Message is null || State.GivenBack)
        {
            return new OperatorOutcome(false, "no cancellation of this transfer is under way");
        }

        if (State.Done)
        {
            return new OperatorOutcome(false, "its void is decided already: voided, or executed before it could be");
        }

        if (State.WithdrawnBy is not null)
        {
            return new OperatorOutcome(false, $"the cancellation was withdrawn already, by operator {State.WithdrawnBy}");
        }

        State.WithdrawnBy = operatorName;
        await state.WriteStateAsync(CancellationToken.None);
        StartTimer();
        return new OperatorOutcome(true, State.Nonce == 0
            ? "no void is asked for any more; the transfer goes back to its route"
            : $"no void is asked for any more; {AttestedSoFar(State.Message.DstChainId)}, and the transfer goes back to its route after that, unless it was voided first");
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Done)
        {
            if (await this.GetReminder(reminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        StartTimer();
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromSeconds(1)) { KeepAlive = true });

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (State.Done || time.GetUtcNow() < _retryAt)
        {
            return;
        }

        try
        {
            await AdvanceAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStepFailed(this.GetPrimaryKeyString(), e.GetType().Name, e.Message);
            _retryAt = time.GetUtcNow() + RetryAfter;
        }
    }

    private async Task AdvanceAsync(CancellationToken cancellationToken)
    {
        var message = State.Message!;
        var destination = connections.GetChain(message.DstChainId);
        if (State.WithdrawnBy is { } withdrawnBy)
        {
            await GiveBackAsync(destination, message, withdrawnBy, cancellationToken);
            return;
        }

        if (State.Nonce == 0)
        {
            State.Nonce = await GrainFactory.GetGrain<ILiquidationSequenceGrain>(destination.ChainId).Take();
            State.Expiry = (ulong)((await connections.GetReader(destination.ChainId).GetHeadAsync(cancellationToken)).Timestamp + options.Value.Pipeline.VoidLifetimeSeconds);
            State.SentAt = null;
            await state.WriteStateAsync(CancellationToken.None);
        }

        var step = await _driver.AdvanceAsync(destination, State.Nonce, State.Expiry, InstructionOf(destination, message), State.SentAt, cancellationToken);
        switch (step.Outcome)
        {
            case InstructionOutcome.Executed:
                await FinishAsync(destination, message, cancellationToken);
                break;
            case InstructionOutcome.Expired:
                State.Nonce = 0;
                await state.WriteStateAsync(CancellationToken.None);
                break;
            case InstructionOutcome.Refused or InstructionOutcome.RootRefused:
                await RefusedAsync(destination, message, step.Detail, cancellationToken);
                break;
            case InstructionOutcome.Attested or InstructionOutcome.Resent when step.Sent!.IsSent:
                State.SentAt = time.GetUtcNow();
                await state.WriteStateAsync(CancellationToken.None);
                await Transfer.Hold($"voiding: {step.Detail}; the void (nonce {State.Nonce} on chain {destination.ChainId}) is sent in {step.Sent.TransactionHash}");
                break;
            case InstructionOutcome.Attested or InstructionOutcome.Resent:
                await RefusedAsync(destination, message, $"the vault refuses the void: {step.Sent!.Revert}", cancellationToken);
                break;
        }
    }

    /// <summary>
    /// A withdrawn cancellation: nothing more is attested or sent. Once a hard-final block of the
    /// destination is past the void's expiry without it (or it was never numbered), the void can never
    /// execute, and the transfer goes back to its route, unless the destination executed it meanwhile
    /// (the trader, with its proof). A void that executed first ends it Voided.
    /// </summary>
    private async Task GiveBackAsync(ChainOptions destination, TransferMessage message, string withdrawnBy, CancellationToken cancellationToken)
    {
        if (State.Nonce != 0)
        {
            var final = await HardFinalBlockAsync(destination, cancellationToken);
            var decided = final is null ? null : await _driver.DecidedAtAsync(destination, State.Nonce, State.Expiry, final, cancellationToken);
            if (decided?.Outcome == InstructionOutcome.Executed)
            {
                await FinishAsync(destination, message, cancellationToken);
                return;
            }

            if (decided is null)
            {
                await Transfer.Hold($"voiding: cancellation withdrawn by operator {withdrawnBy}; {AttestedSoFar(destination.ChainId)}, and the transfer goes back to its route once a final block of that chain is past it");
                return;
            }
        }

        if (await EndedOnDestinationAsync(destination, message, "its cancellation was withdrawn", cancellationToken))
        {
            return;
        }

        await GrainFactory.GetGrain<IRouteGrain>(RouteKey.Of(message.SrcChainId, message.DstChainId)).TakeBackFromVoid(message, $"operator {withdrawnBy}");
        State.GivenBack = true;
        await EndAsync();
    }

    private string AttestedSoFar(long destinationChainId) =>
        $"the void attested so far (nonce {State.Nonce} on chain {destinationChainId}) can execute until {DateTimeOffset.FromUnixTimeSeconds((long)State.Expiry):u} in that chain's time";

    /// <summary>The destination's hard-final block as its relayer knows it, or null before there is one.</summary>
    private async Task<BlockRef?> HardFinalBlockAsync(ChainOptions destination, CancellationToken cancellationToken)
    {
        var height = (await GrainFactory.GetGrain<IChainRelayerGrain>(destination.ChainId).GetStatus()).HardFinalHeight;
        return height < 0 ? null : await connections.GetReader(destination.ChainId).GetBlockAsync(height, cancellationToken);
    }

    /// <summary>Refused: because the destination executed the transfer first (then it is Executed after all), or for a reason that may pass (it waits, and says why).</summary>
    private async Task RefusedAsync(ChainOptions destination, TransferMessage message, string why, CancellationToken cancellationToken)
    {
        if (!await EndedOnDestinationAsync(destination, message, why, cancellationToken))
        {
            await Transfer.Hold($"voiding: {why}");
            _retryAt = time.GetUtcNow() + RetryAfter;
        }
    }

    /// <summary>
    /// Whether the destination's replay bit of the transfer is set; if so the void ends: Voided when the
    /// destination's <c>TransferVoided</c> is there, otherwise Executed (the destination paid it first).
    /// </summary>
    private async Task<bool> EndedOnDestinationAsync(ChainOptions destination, TransferMessage message, string why, CancellationToken cancellationToken)
    {
        var source = connections.GetChain(message.SrcChainId);
        var replayBit = new IsExecutedFunction { SrcChainId = (ulong)message.SrcChainId, SrcContract = source.Vault, MessageNonce = message.Nonce };
        if (!await connections.GetReader(destination.ChainId).QueryAsync<IsExecutedFunction, bool>(destination.Vault, replayBit, cancellationToken))
        {
            return false;
        }

        if (!await FinishAsync(destination, message, cancellationToken))
        {
            await Transfer.EndVoid(null, null, $"executed on chain {destination.ChainId} before it could be voided ({why})");
            await EndAsync();
        }

        return true;
    }

    /// <summary>Ends the void when the destination's <c>TransferVoided</c> of the message is there; whether it was.</summary>
    private async Task<bool> FinishAsync(ChainOptions destination, TransferMessage message, CancellationToken cancellationToken)
    {
        var reader = connections.GetReader(destination.ChainId);
        var head = await reader.GetHeadAsync(cancellationToken);
        var voided = await reader.GetEventsAsync<TransferVoidedEvent>(destination.Vault, [message.Id], destination.StartBlock, head.Number, cancellationToken);
        if (voided.Count == 0)
        {
            return false;
        }

        var refund = voided[0].Event.ReturnLeaf.ToHex(prefix: true);
        await Transfer.EndVoid(refund, (long)voided[0].Log.BlockNumber.Value, $"voided on chain {destination.ChainId} (tx {voided[0].Log.TransactionHash}): it can never execute there; its amount returns to {message.Account} as transfer {refund}");
        await EndAsync();
        return true;
    }

    private async Task EndAsync()
    {
        State.Done = true;
        await state.WriteStateAsync(CancellationToken.None);
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>The void as the message the members attest.</summary>
    private CommitteeInstruction InstructionOf(ChainOptions destination, TransferMessage message)
    {
        var transferVoid = new TransferVoidStruct
        {
            Nonce = State.Nonce,
            Expiry = State.Expiry,
            SrcChainId = (ulong)message.SrcChainId,
            TransferNonce = message.Nonce,
            Token = message.DestinationToken,
            Recipient = message.Recipient,
            Amount = message.Amount,
            RefundTo = message.Account,
        };
        var execute = new VoidTransferFunction { Route = LiquidationRoute.To(destination), BatchNumber = State.Nonce, TransferVoid = transferVoid, Proof = [] };
        return new CommitteeInstruction("voids", TransferVoidBody.From(destination.ChainId, transferVoid), LiquidationRoute.Leaf(destination, transferVoid), execute.GetCallData().ToHex(prefix: true));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Void of transfer {Transfer}: step failed ({Kind}: {Error}); retrying")]
    private partial void LogStepFailed(string transfer, string kind, string error);
}
