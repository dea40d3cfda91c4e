using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Journal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MarginBridge.Silo.Api;

public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransferEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/transfers/{id}", GetTransfer)
            .WithName("GetTransfer")
            .WithSummary("A transfer by its leaf (0x + 64 hex): its stage and every step with time, block and words.")
            .WithTags("Transfers");
        app.MapGet("/transfers/{id}/proof", GetProof)
            .WithName("GetTransferProof")
            .WithSummary("Everything needed to execute the transfer without the relayer: route, batch number, message, Merkle proof and root; 409 until it is batched.")
            .WithTags("Transfers");
        app.MapGet("/transfers/{id}/journal", GetJournal)
            .WithName("GetTransferJournal")
            .WithSummary("The audit journal rows of a transfer: one per transition, with who caused it.")
            .WithTags("Transfers");
        return app;
    }

    private static ValidationProblem InvalidId(string id) =>
        ApiProblems.Invalid("id", $"'{id}' is not a transfer id (the message leaf: 0x and 64 hex digits).");

    private static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ValidationProblem>> GetJournal(string id, AuditJournal journal, CancellationToken cancellationToken) =>
        TransferId.IsValid(id)
            ? TypedResults.Ok(await journal.ReadAsync(id.ToLowerInvariant(), cancellationToken))
            : InvalidId(id);

    private static async Task<Results<Ok<TransferProofResponse>, ProblemHttpResult, ValidationProblem>> GetProof(string id, IGrainFactory grains)
    {
        if (!TransferId.IsValid(id))
        {
            return InvalidId(id);
        }

        var view = await grains.GetGrain<ITransferGrain>(id.ToLowerInvariant()).GetView();
        if (view is null)
        {
            return UnknownTransfer(id);
        }

        return view.Placement is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not batched yet", detail: $"transfer {id} is {view.Stage}: it has no batch, hence no proof, until its source block is hard-final and its route cuts the next batch")
            : TypedResults.Ok(TransferProofResponse.From(view, view.Placement));
    }

    private static ProblemHttpResult UnknownTransfer(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown transfer", detail: $"no relayer has seen a transfer with id {id}");

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult, ValidationProblem>> GetTransfer(string id, IGrainFactory grains)
    {
        if (!TransferId.IsValid(id))
        {
            return InvalidId(id);
        }

        var view = await grains.GetGrain<ITransferGrain>(id.ToLowerInvariant()).GetView();
        return view is null ? UnknownTransfer(id) : TypedResults.Ok(TransferResponse.From(view));
    }
}

/// <summary>A transfer as the API shows it; the amount is base units as a decimal string.</summary>
public sealed record TransferResponse(
    string Id,
    TransferStage Stage,
    long SrcChainId,
    long DstChainId,
    ulong Nonce,
    string Account,
    string SourceToken,
    string DestinationToken,
    string Recipient,
    string Amount,
    long SourceBlock,
    string SourceTransaction,
    ulong? BatchNumber,
    int? LeafIndex,
    string? HeldReason,
    IReadOnlyList<TransferStep> Steps)
{
    public static TransferResponse From(TransferView view)
    {
        var m = view.Message;
        return new TransferResponse(
            m.Id, view.Stage, m.SrcChainId, m.DstChainId, m.Nonce, m.Account, m.SourceToken, m.DestinationToken, m.Recipient, m.Amount.ToString(), m.BlockNumber, m.TransactionHash,
            view.Placement?.BatchNumber, view.Placement?.LeafIndex, view.HeldReason, view.Steps);
    }
}
