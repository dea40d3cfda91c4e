using MarginBridge.Abstractions.Liquidations;

namespace MarginBridge.Grains.Liquidations;

/// <summary>A persisted counter, written before the number is handed out: a number is never given twice.</summary>
public sealed class LiquidationSequenceGrain(
    [PersistentState("sequence", "liquidations")] IPersistentState<LiquidationSequenceState> state) : Grain, ILiquidationSequenceGrain
{
    public async Task<ulong> Take()
    {
        state.State.Last++;
        await state.WriteStateAsync();
        return state.State.Last;
    }
}
