using MarginBridge.Abstractions.Breakers;

namespace MarginBridge.Grains.Breakers;

/// <summary>
/// The breaker's rules, without Orleans: Closed → Open when a trigger becomes active or an operator
/// trips it; Open → HalfOpen once every trigger is clear (and no operator holds it); HalfOpen →
/// Closed after <c>probe</c> with every trigger still clear, back to Open if one returns; an
/// operator's reset closes it at once (a still-active trigger opens it again on its next report).
/// </summary>
public sealed class BreakerStateMachine(TimeSpan probe)
{
    public BreakerState State { get; private set; } = BreakerState.Closed;

    public DateTimeOffset? Since { get; private set; }

    public string? Reason { get; private set; }

    public string? TrippedBy { get; private set; }

    public Dictionary<string, string> Active { get; } = new(StringComparer.Ordinal);

    /// <summary>Restores a persisted breaker.</summary>
    public void Restore(BreakerState state, DateTimeOffset? since, string? reason, string? trippedBy, IReadOnlyDictionary<string, string> active)
    {
        (State, Since, Reason, TrippedBy) = (state, since, reason, trippedBy);
        foreach (var (trigger, why) in active)
        {
            Active[trigger] = why;
        }
    }

    /// <summary>A trigger's report; returns the transition it caused, if any.</summary>
    public BreakerTransition? Report(string trigger, bool active, string reason, DateTimeOffset now)
    {
        if (active)
        {
            Active[trigger] = reason;
            return State == BreakerState.Open ? null : Move(BreakerState.Open, now, trigger, $"{trigger}: {reason}");
        }

        Active.Remove(trigger);
        return Tick(now);
    }

    /// <summary>Time passing: an Open breaker with nothing holding it starts probing; a probe that lasted closes it.</summary>
    public BreakerTransition? Tick(DateTimeOffset now)
    {
        if (Active.Count > 0 || TrippedBy is not null)
        {
            return null;
        }

        return State switch
        {
            BreakerState.Open => Move(BreakerState.HalfOpen, now, "probe", $"every trigger is clear; probing for {probe.TotalSeconds:0} s before closing"),
            BreakerState.HalfOpen when now - Since >= probe => Move(BreakerState.Closed, now, "probe", $"every trigger stayed clear for {probe.TotalSeconds:0} s"),
            _ => null,
        };
    }

    public BreakerTransition? Trip(string operatorName, string reason, DateTimeOffset now)
    {
        TrippedBy = operatorName;
        return State == BreakerState.Open ? null : Move(BreakerState.Open, now, $"operator {operatorName}", reason);
    }

    public BreakerTransition? Reset(string operatorName, string reason, DateTimeOffset now)
    {
        TrippedBy = null;
        Active.Clear();
        return State == BreakerState.Closed ? null : Move(BreakerState.Closed, now, $"operator {operatorName}", reason);
    }

    private BreakerTransition Move(BreakerState to, DateTimeOffset now, string actor, string reason)
    {
        var transition = new BreakerTransition(now, State, to, actor, reason);
        (State, Since, Reason) = (to, now, reason);
        return transition;
    }
}
