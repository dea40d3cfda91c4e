using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Journal;

namespace MarginBridge.Grains.Transfers;

/// <summary>
/// A transfer as its journal tells it. The journal is the transfer's only record: every
/// transition is one appended row, applied here both when it is made and when the grain
/// activates and reads its rows back, so what is shown and what is stored cannot drift apart.
/// </summary>
public sealed class TransferState
{
    /// <summary>The row that makes the destination's credit final; not a lifecycle step.</summary>
    public const string SettledKind = "Settled";

    /// <summary>Rows of operator actions are <c>Operator:{action}</c>.</summary>
    public const string OperatorKindPrefix = "Operator:";

    public TransferMessage? Message { get; private set; }

    /// <summary>The furthest lifecycle stage reached, or how it ended; never Held (see <see cref="HeldReason"/>).</summary>
    public TransferStage Stage { get; private set; }

    public List<TransferStep> Steps { get; } = [];

    public TransferPlacement? Placement { get; private set; }

    /// <summary>Why the next step waits; cleared when it happens.</summary>
    public string? HeldReason { get; private set; }

    /// <summary>The destination block of its execution is hard-final (or deep enough): the credit is final.</summary>
    public bool Settled { get; private set; }

    /// <summary>Rows applied: the sequence number of the next one.</summary>
    public int Rows { get; private set; }

    /// <summary>Whether a row of this kind carries the transfer's message as its payload (else, for Batched, its placement).</summary>
    public static bool CarriesMessage(string kind) => kind is nameof(TransferStage.Observed) or nameof(TransferStage.Rejected);

    /// <param name="message">The payload of an Observed or Rejected row.</param>
    /// <param name="placement">The payload of a Batched row; null when a destination reorg sent it back to its batch.</param>
    public void Apply(JournalEntry row, TransferMessage? message, TransferPlacement? placement)
    {
        Rows = row.Sequence + 1;
        if (row.Kind == SettledKind)
        {
            Settled = true;
            return;
        }

        if (row.Kind.StartsWith(OperatorKindPrefix, StringComparison.Ordinal))
        {
            Steps.Add(new TransferStep(Stage, row.At, null, $"{row.Actor}: {row.Kind[OperatorKindPrefix.Length..]} — {row.Detail}"));
            return;
        }

        var stage = Enum.Parse<TransferStage>(row.Kind);
        Steps.Add(new TransferStep(stage, row.At, row.Block, row.Detail));
        if (stage == TransferStage.Held)
        {
            HeldReason = row.Detail;
            return;
        }

        Stage = stage;
        HeldReason = null;
        Message = message ?? Message;
        Placement = stage switch
        {
            TransferStage.Batched => placement ?? Placement,
            TransferStage.Observed or TransferStage.SourceHardFinal => null,
            _ => Placement,
        };
    }
}
