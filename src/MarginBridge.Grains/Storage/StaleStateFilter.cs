using Orleans.Storage;

namespace MarginBridge.Grains.Storage;

/// <summary>
/// A grain whose write fails because storage holds another version of its state (a restarted
/// store that lost or replayed writes, a second activation during a failover) would fail every
/// write after it. This filter deactivates such a grain, so the caller's retry reactivates it from
/// what storage holds; every grain here re-derives what it may have lost from the chains.
/// </summary>
public sealed class StaleStateFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (InconsistentStateException)
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "storage holds another version of the grain's state; reloading"));
            throw;
        }
    }
}
