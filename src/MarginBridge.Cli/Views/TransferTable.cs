using MarginBridge.Silo.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarginBridge.Cli.Views;

public static class TransferTable
{
    public static IRenderable Render(TransferResponse transfer)
    {
        var header = new Markup(
            $"[bold]Transfer {Markup.Escape(transfer.Id)}[/]\n" +
            $"{transfer.SrcChainId} → {transfer.DstChainId}, nonce {transfer.Nonce}: {Markup.Escape(transfer.Amount)} base units of {Markup.Escape(transfer.SourceToken)} " +
            $"from {Markup.Escape(transfer.Account)} to {Markup.Escape(transfer.Recipient)}\n" +
            $"stage [yellow]{transfer.Stage}[/], source block {transfer.SourceBlock}, tx {Markup.Escape(transfer.SourceTransaction)}");
        var steps = new Table().RoundedBorder().AddColumns("Stage", "At (UTC)", "Block", "What happened");
        foreach (var step in transfer.Steps)
        {
            steps.AddRow(step.Stage.ToString(), step.At.UtcDateTime.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), step.Block?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", Markup.Escape(step.Detail));
        }

        return new Rows(header, steps);
    }
}
