using MarginBridge.Abstractions.Breakers;
using MarginBridge.Grains.Breakers;

namespace MarginBridge.UnitTests.Breakers;

public sealed class BreakerStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ActiveTrigger_Opens_ClearTriggerProbes_AndAProbeThatLastsCloses()
    {
        var breaker = new BreakerStateMachine(TimeSpan.FromSeconds(30));

        var opened = breaker.Report("price-jump", true, "ETH moved 30 %", T0);
        Assert.Equal((BreakerState.Closed, BreakerState.Open, "price-jump"), (opened!.From, opened.To, opened.Actor));
        Assert.Equal("price-jump: ETH moved 30 %", breaker.Reason);

        var probing = breaker.Report("price-jump", false, "calm", T0.AddSeconds(60));
        Assert.Equal(BreakerState.HalfOpen, probing!.To);
        Assert.Null(breaker.Tick(T0.AddSeconds(89)));
        Assert.Equal(BreakerState.Closed, breaker.Tick(T0.AddSeconds(90))!.To);
    }

    [Fact]
    public void TriggerReturningWhileProbing_OpensAgain()
    {
        var breaker = new BreakerStateMachine(TimeSpan.FromSeconds(30));
        breaker.Report("stale-price", true, "old", T0);
        breaker.Report("stale-price", false, "fresh", T0.AddSeconds(5));

        Assert.Equal(BreakerState.Open, breaker.Report("stale-price", true, "old again", T0.AddSeconds(10))!.To);
        Assert.Null(breaker.Tick(T0.AddSeconds(100)));
        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void OpenWhileAnyTriggerIsActive()
    {
        var breaker = new BreakerStateMachine(TimeSpan.FromSeconds(1));
        breaker.Report("a", true, "one", T0);
        Assert.Null(breaker.Report("b", true, "two", T0));
        Assert.Null(breaker.Report("a", false, "ok", T0.AddSeconds(5)));
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal(BreakerState.HalfOpen, breaker.Report("b", false, "ok", T0.AddSeconds(6))!.To);
    }

    [Fact]
    public void OperatorTrip_HoldsItOpenThroughClearTriggers_UntilAnOperatorResets()
    {
        var breaker = new BreakerStateMachine(TimeSpan.FromSeconds(1));
        var tripped = breaker.Trip("alice", "incident 42", T0);
        Assert.Equal(("operator alice", BreakerState.Open), (tripped!.Actor, tripped.To));

        breaker.Report("price-jump", false, "calm", T0.AddSeconds(10));
        Assert.Null(breaker.Tick(T0.AddMinutes(10)));
        Assert.Equal(BreakerState.Open, breaker.State);

        var reset = breaker.Reset("bob", "incident closed", T0.AddMinutes(11));
        Assert.Equal(("operator bob", BreakerState.Closed), (reset!.Actor, reset.To));
        Assert.Null(breaker.TrippedBy);
    }

    [Fact]
    public void RestoredBreaker_ContinuesWhereItStood()
    {
        var breaker = new BreakerStateMachine(TimeSpan.FromSeconds(30));
        breaker.Restore(BreakerState.HalfOpen, T0, "probing", null, new Dictionary<string, string>());
        Assert.Equal(BreakerState.Closed, breaker.Tick(T0.AddSeconds(30))!.To);
    }
}
