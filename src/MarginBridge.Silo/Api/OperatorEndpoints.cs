using MarginBridge.Abstractions.Chains;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Journal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

/// <summary>Authenticated operator actions (DESIGN §7a); each is journaled with the operator's name.</summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        var operators = app.MapGroup("/operator").AddEndpointFilter<OperatorAuthentication>().WithTags("Operator");
        operators.MapPost("/transfers/{id}/retry", Retry)
            .WithName("RetryTransfer")
            .WithSummary("Forget what the transfer's batch waits on (member back-off, a transaction in flight) and decide again from the chains.");
        operators.MapPost("/transfers/{id}/reverify", Reverify)
            .WithName("ReverifyTransfer")
            .WithSummary("Drop the batch's signatures and have every committee member verify it again; only before the destination accepted the root.");
        operators.MapPost("/transfers/{id}/cancel", Cancel)
            .WithName("CancelTransfer")
            .WithSummary("End a transfer that has not executed: one whose message the source outbox does not hold (a made-up log, a block that is gone) is removed; one it holds is voided on the destination by the committee, and its amount returns to the sender as a transfer of its own.");
        operators.MapPost("/transfers/{id}/resume", Resume)
            .WithName("ResumeTransfer")
            .WithSummary("Withdraw the cancellation of a transfer whose void has not executed (say the committee keeps refusing it): no void is asked for any more, and once the one attested so far can no longer execute (its expiry, Pipeline:VoidLifetimeSeconds, in the destination's time) the transfer goes back to its route and is paid. A void that executes first ends it Voided all the same.");
        operators.MapPost("/chains/{chainId}/acknowledge-reorg", AcknowledgeReorg)
            .WithName("AcknowledgeDeepReorg")
            .WithSummary("Record that an operator reviewed the chain's reorgs deeper than finality; routes out of the chain resume.");
        return app;
    }

    private static Task<Results<Ok<OperatorOutcome>, ProblemHttpResult, ValidationProblem>> Retry(string id, HttpContext context, IGrainFactory grains) =>
        ActOnTransferAsync(id, "retry", context, grains, (route, transfer) => route.Retry(transfer));

    private static Task<Results<Ok<OperatorOutcome>, ProblemHttpResult, ValidationProblem>> Reverify(string id, HttpContext context, IGrainFactory grains) =>
        ActOnTransferAsync(id, "reverify", context, grains, (route, transfer) => route.Reverify(transfer));

    private static Task<Results<Ok<OperatorOutcome>, ProblemHttpResult, ValidationProblem>> Cancel(string id, HttpContext context, IGrainFactory grains) =>
        ActOnTransferAsync(id, "cancel", context, grains, (route, transfer) => route.Cancel(transfer, OperatorAuthentication.OperatorOf(context)));

    private static Task<Results<Ok<OperatorOutcome>, ProblemHttpResult, ValidationProblem>> Resume(string id, HttpContext context, IGrainFactory grains) =>
        ActOnTransferAsync(id, "resume", context, grains, (_, transfer) => grains.GetGrain<ITransferVoidGrain>(transfer).Withdraw(OperatorAuthentication.OperatorOf(context)));

    private static async Task<Results<Ok<OperatorOutcome>, ProblemHttpResult, ValidationProblem>> ActOnTransferAsync(
        string id, string action, HttpContext context, IGrainFactory grains, Func<IRouteGrain, string, Task<OperatorOutcome>> act)
    {
        if (!TransferId.IsValid(id))
        {
            return ApiProblems.Invalid("id", $"'{id}' is not a transfer id (the message leaf: 0x and 64 hex digits).");
        }

        var transfer = grains.GetGrain<ITransferGrain>(id.ToLowerInvariant());
        var view = await transfer.GetView();
        if (view is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown transfer", detail: $"no relayer has seen a transfer with id {id}");
        }

        var outcome = await act(grains.GetGrain<IRouteGrain>(RouteKey.Of(view.Message.SrcChainId, view.Message.DstChainId)), view.Message.Id);
        if (!outcome.Applied)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Cannot {action} this transfer", detail: outcome.Detail);
        }

        await transfer.RecordOperatorAction(OperatorAuthentication.OperatorOf(context), action, outcome.Detail);
        return TypedResults.Ok(outcome);
    }

    private static async Task<Results<Ok<OperatorOutcome>, ValidationProblem>> AcknowledgeReorg(
        string chainId, HttpContext context, IGrainFactory grains, IOptions<MarginBridgeOptions> options, AuditJournal journal, TimeProvider time)
    {
        if (!ApiProblems.TryChain(chainId, options.Value, "chainId", out var chain, out var problem))
        {
            return problem!;
        }

        var relayer = grains.GetGrain<IChainRelayerGrain>(chain!.ChainId);
        var status = await relayer.GetStatus();
        var acknowledged = await relayer.AcknowledgeDeepReorgs();
        var detail = $"{acknowledged} reorg(s) deeper than finality on {chain.Name} reviewed (last: {status.LastReorg?.Depth} blocks, common ancestor {status.LastReorg?.CommonAncestor}); routes out of the chain resume";
        var subject = AuditJournal.ChainSubject(chain.ChainId);
        var entries = await journal.ReadAsync(subject);
        await journal.AppendAsync(new JournalEntry(subject, entries.Count, "Operator:acknowledge-reorg", $"operator {OperatorAuthentication.OperatorOf(context)}", detail, time.GetUtcNow(), status.Head));
        return TypedResults.Ok(new OperatorOutcome(acknowledged > 0, detail));
    }
}
