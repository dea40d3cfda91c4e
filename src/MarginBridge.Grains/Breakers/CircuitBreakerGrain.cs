using MarginBridge.Abstractions.Breakers;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Journal;
using MarginBridge.Grains.Relaying;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Breakers;

/// <summary>
/// A breaker of one scope: <see cref="BreakerStateMachine"/> persisted, every transition journaled
/// (subject <c>breaker-{scope}</c>, with who or what caused it) and logged. A timer lets an Open
/// breaker probe and a probing one close while nothing reports.
/// </summary>
public sealed partial class CircuitBreakerGrain(
    [PersistentState("breaker", "breakers")] IPersistentState<CircuitBreakerState> state,
    AuditJournal journal,
    VaultGuardian guardian,
    ChainConnections chains,
    IOptions<MarginBridgeOptions> options,
    TimeProvider time,
    ILogger<CircuitBreakerGrain> logger) : Grain, ICircuitBreakerGrain
{
    private const int HistoryKept = 50;
    private BreakerStateMachine _machine = null!;

    public static string JournalSubject(string scope) => $"breaker-{scope}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _machine = new BreakerStateMachine(TimeSpan.FromSeconds(options.Value.Breakers.ProbeSeconds));
        var s = state.State;
        _machine.Restore(s.State, s.Since, s.Reason, s.TrippedBy, s.Active);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public async Task Report(string trigger, bool active, string reason)
    {
        var known = state.State.Active.TryGetValue(trigger, out var why);
        if (known == active && (!active || why == reason))
        {
            return;
        }

        await ApplyAsync(_machine.Report(trigger, active, reason, time.GetUtcNow()));
    }

    public async Task Hold(string trigger, string reason, long chainId, int blocks)
    {
        var hold = new BlockHold(chainId, null, blocks);
        if (await HeadOrNullAsync(chainId, CancellationToken.None) is { } head)
        {
            hold = hold.From(head);
        }

        if (!state.State.HeldUntil.TryGetValue(trigger, out var known) || known.ChainId != chainId || known.EndsBefore(hold))
        {
            state.State.HeldUntil[trigger] = hold;
        }

        await Report(trigger, true, $"{reason}; {Describe(state.State.HeldUntil[trigger])}");
        await state.WriteStateAsync();
    }

    private static string Describe(BlockHold hold) => hold.UntilBlock is { } until
        ? $"held until block {until} of chain {hold.ChainId}"
        : $"held for {hold.Blocks} blocks of chain {hold.ChainId} from the first head the breaker can read (the chain cannot be read now)";

    public async Task<BreakerStatus> Trip(string operatorName, string reason)
    {
        await ApplyAsync(_machine.Trip(operatorName, reason, time.GetUtcNow()));
        return Status();
    }

    public async Task<BreakerStatus> Reset(string operatorName, string reason)
    {
        await ApplyAsync(_machine.Reset(operatorName, reason, time.GetUtcNow()));
        return Status();
    }

    public Task<BreakerStatus> GetStatus() => Task.FromResult(Status());

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        foreach (var (trigger, hold) in state.State.HeldUntil.ToList())
        {
            if (await HeadOrNullAsync(hold.ChainId, cancellationToken) is not { } head)
            {
                continue;
            }

            if (hold.UntilBlock is null)
            {
                state.State.HeldUntil[trigger] = hold.From(head);
                await state.WriteStateAsync(cancellationToken);
            }
            else if (head >= hold.UntilBlock)
            {
                state.State.HeldUntil.Remove(trigger);
                await ApplyAsync(_machine.Report(trigger, false, $"the hold is over: chain {hold.ChainId} reached block {head}", time.GetUtcNow()));
            }
        }

        var now = time.GetUtcNow();

        if (_machine.State != BreakerState.Closed && _machine.Tick(now) is { } transition)
        {
            await ApplyAsync(transition);
        }
    }

    /// <summary>The chain's head, or null while it cannot be read (the hold then stays: the chain's own breaker says why).</summary>
    private async Task<long?> HeadOrNullAsync(long chainId, CancellationToken cancellationToken)
    {
        try
        {
            return (await chains.GetReader(chainId).GetHeadAsync(cancellationToken)).Number;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHeadUnreadable(chainId, e.Message);
            return null;
        }
    }

    /// <summary>Journal first, then state: a transition retried after a crash is journaled again at most once more.</summary>
    private async Task ApplyAsync(BreakerTransition? transition)
    {
        var scope = this.GetPrimaryKeyString();
        if (transition is not null)
        {
            var subject = JournalSubject(scope);
            var sequence = (await journal.ReadAsync(subject)).Count;
            await journal.AppendAsync(new JournalEntry(subject, sequence, $"Breaker:{transition.To}", transition.Actor, transition.Reason, transition.At, null));
            state.State.History.Add(transition);
            if (state.State.History.Count > HistoryKept)
            {
                state.State.History.RemoveAt(0);
            }

            LogTransition(scope, transition.From, transition.To, transition.Actor, transition.Reason);
            if (scope == BreakerScope.Global && transition.To == BreakerState.Open)
            {
                // A global trip stops the vaults themselves, through the guardian role (DESIGN §4).
                foreach (var outcome in await guardian.PauseAllAsync(CancellationToken.None))
                {
                    await journal.AppendAsync(new JournalEntry(subject, ++sequence, "Guardian:pause", "vault guardian", outcome, time.GetUtcNow(), null));
                }
            }
        }

        var s = state.State;
        (s.State, s.Since, s.Reason, s.TrippedBy) = (_machine.State, _machine.Since, _machine.Reason, _machine.TrippedBy);
        s.Active = new Dictionary<string, string>(_machine.Active, StringComparer.Ordinal);
        await state.WriteStateAsync();
    }

    private BreakerStatus Status() => new(
        this.GetPrimaryKeyString(),
        _machine.State,
        _machine.Reason,
        _machine.Since,
        new Dictionary<string, string>(_machine.Active, StringComparer.Ordinal),
        _machine.TrippedBy,
        [.. state.State.History]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Breaker hold: the head of chain {ChainId} could not be read ({Error}); the hold stays")]
    private partial void LogHeadUnreadable(long chainId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breaker {Scope}: {From} → {To} by {Actor}: {Reason}")]
    private partial void LogTransition(string scope, BreakerState from, BreakerState to, string actor, string reason);
}
