using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Journal;
using MarginBridge.Grains.Transfers;

namespace MarginBridge.UnitTests.Transfers;

public sealed class TransferStateTests
{
    private static readonly TransferMessage Message = new("0x01", 1, "0xs", 2, "0xd", 7, "0xa", "0xt", "0xu", "0xr", 1500, 40, "0xh", "0xtx", 3);

    private static readonly TransferPlacement Placement = new(5, 2, 4, "0xroot", ["0xp1", "0xp2"], 41);

    private static JournalEntry Row(int sequence, string kind, string detail = "d", string actor = "relayer", long? block = null) =>
        new("0x01", sequence, kind, actor, detail, DateTimeOffset.UnixEpoch.AddSeconds(sequence), block);

    [Fact]
    public void Rows_Replayed_GiveStageMessagePlacementAndEveryStep()
    {
        var state = new TransferState();
        state.Apply(Row(0, "Observed", block: 40), Message, null);
        state.Apply(Row(1, "SourceHardFinal", block: 40), null, null);
        state.Apply(Row(2, "Batched", block: 41), null, Placement);
        state.Apply(Row(3, "RootAttested"), null, null);

        Assert.Equal(TransferStage.RootAttested, state.Stage);
        Assert.Equal(Message, state.Message);
        Assert.Equal(Placement, state.Placement);
        Assert.Equal(4, state.Rows);
        Assert.Equal([TransferStage.Observed, TransferStage.SourceHardFinal, TransferStage.Batched, TransferStage.RootAttested], state.Steps.Select(s => s.Stage));
        Assert.Equal(40, state.Steps[0].Block);
    }

    [Fact]
    public void HeldRow_KeepsTheStage_AndTheNextTransitionClearsTheReason()
    {
        var state = new TransferState();
        state.Apply(Row(0, "Observed"), Message, null);
        state.Apply(Row(1, "Held", "waiting for finality"), null, null);

        Assert.Equal(TransferStage.Observed, state.Stage);
        Assert.Equal("waiting for finality", state.HeldReason);

        state.Apply(Row(2, "SourceHardFinal"), null, null);
        Assert.Null(state.HeldReason);
        Assert.Equal(3, state.Steps.Count);
    }

    [Fact]
    public void TakenOutOfItsBatch_LosesThePlacement_ButADestinationReorgKeepsIt()
    {
        var unbatched = new TransferState();
        unbatched.Apply(Row(0, "Observed"), Message, null);
        unbatched.Apply(Row(1, "Batched"), null, Placement);
        unbatched.Apply(Row(2, "SourceHardFinal", "taken out of batch 5"), null, null);
        Assert.Null(unbatched.Placement);

        var reopened = new TransferState();
        reopened.Apply(Row(0, "Observed"), Message, null);
        reopened.Apply(Row(1, "Batched"), null, Placement);
        reopened.Apply(Row(2, "Executed"), null, null);
        reopened.Apply(Row(3, "Batched", "a destination reorg undid its execution"), null, null);
        Assert.Equal(TransferStage.Batched, reopened.Stage);
        Assert.Equal(Placement, reopened.Placement);
    }

    [Fact]
    public void SettledAndOperatorRows_ChangeNoStage_AndOnlyOperatorActionsShowAsSteps()
    {
        var state = new TransferState();
        state.Apply(Row(0, "Observed"), Message, null);
        state.Apply(Row(1, "Executed"), null, null);
        state.Apply(Row(2, TransferState.OperatorKindPrefix + "retry", "decided again", "operator alice"), null, null);
        state.Apply(Row(3, TransferState.SettledKind), null, null);

        Assert.Equal(TransferStage.Executed, state.Stage);
        Assert.True(state.Settled);
        Assert.Equal(4, state.Rows);
        Assert.Equal(3, state.Steps.Count);
        Assert.Equal("operator alice: retry — decided again", state.Steps[^1].Detail);
        Assert.Equal(TransferStage.Executed, state.Steps[^1].Stage);
    }

    [Fact]
    public void OnlyObservedAndRejectedRows_CarryTheMessage()
    {
        Assert.True(TransferState.CarriesMessage("Observed"));
        Assert.True(TransferState.CarriesMessage("Rejected"));
        Assert.False(TransferState.CarriesMessage("Batched"));
        Assert.False(TransferState.CarriesMessage(TransferState.SettledKind));
    }
}
