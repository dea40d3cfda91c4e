using System.Numerics;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Abstractions.Submission;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Grains.Breakers;
using MarginBridge.Grains.Relaying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Silo.Api;

public static class MoveEndpoints
{
    private static readonly TimeSpan ReceiptWait = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapMoveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/moves", PostMove)
            .WithName("PostMove")
            .WithSummary("Starts a move the account signed (EIP-712 MoveRequest in the source vault's domain): 201 with the transfer id once the source vault took it, 202 if it is not mined yet, 400 naming the field otherwise.")
            .WithTags("Transfers");
        return app;
    }

    private static async Task<Results<Created<MoveResponse>, Accepted<MoveResponse>, ValidationProblem, ProblemHttpResult>> PostMove(
        MoveRequestBody body, IOptions<MarginBridgeOptions> options, ChainConnections chains, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (signed, field, error) = body.Parse(options.Value);
        if (signed is null)
        {
            return ApiProblems.Invalid(field!, error!);
        }

        var move = signed.Move;
        var asset = signed.Source.FindToken(move.Token)?.Asset;
        if (await OpenBreakers.FirstAsync(grains, [BreakerScope.Outflows, .. BreakerScope.ForMove(signed.Source.ChainId, (long)move.DstChainId, asset)]) is { } open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Halted by circuit breaker {open.Scope}", detail: $"{open.Reason} (open since {open.Since:u}); nothing was sent, retry once it closes (GET /breakers)");
        }

        var source = chains.GetReader(signed.Source.ChainId);
        var vault = signed.Source.Vault;
        var head = await source.GetHeadAsync(cancellationToken);
        if ((long)move.Deadline < head.Timestamp)
        {
            return ApiProblems.Invalid("deadline", $"{move.Deadline} has passed: {signed.Source.Name}'s latest block is at {head.Timestamp}");
        }

        if (await source.QueryAsync<UsedMoveNoncesFunction, bool>(vault, new UsedMoveNoncesFunction { Account = move.Account, MoveNonce = move.Nonce }, cancellationToken))
        {
            return ApiProblems.Invalid("nonce", $"{move.Account} already used move nonce {move.Nonce} on {signed.Source.Name}");
        }

        var balance = await source.QueryAsync<VaultBalanceOfFunction, BigInteger>(vault, new VaultBalanceOfFunction { Account = move.Account, Token = move.Token }, cancellationToken);
        if (move.Amount > balance)
        {
            return ApiProblems.Invalid("amount", $"{move.Amount} is more than the account's balance of {balance} base units in {signed.Source.Name}'s vault");
        }

        var call = new InitiateSignedTransferFunction { Move = move, Signature = signed.Signature };
        var sent = await grains.GetGrain<IChainSubmitterGrain>(signed.Source.ChainId)
            .Send(new SubmissionRequest(vault, call.GetCallData().ToHex(prefix: true), null, $"initiateSignedTransfer {move.Account} #{move.Nonce}"));
        if (!sent.IsSent)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The source vault refuses the move", detail: sent.Revert);
        }

        var receipt = await AwaitReceiptAsync(source, sent.TransactionHash!, cancellationToken);
        if (receipt is null)
        {
            return TypedResults.Accepted((string?)null, new MoveResponse(null, sent.TransactionHash!, null, "sent; not mined yet"));
        }

        if (receipt.Failed())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The move reverted", detail: $"transaction {receipt.TransactionHash} reverted on {signed.Source.Name}");
        }

        var leaf = receipt.DecodeAllEvents<TransferInitiatedEvent>().Single().Event.Leaf.ToHex(prefix: true);
        return TypedResults.Created($"/transfers/{leaf}", new MoveResponse(leaf, receipt.TransactionHash, (long)receipt.BlockNumber.Value, "the source vault took the move; follow it at /transfers/{id}"));
    }

    private static async Task<TransactionReceipt?> AwaitReceiptAsync(Chains.Rpc.ChainReader source, string transactionHash, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + ReceiptWait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await source.GetReceiptAsync(transactionHash, cancellationToken) is { } receipt)
            {
                return receipt;
            }

            await Task.Delay(200, cancellationToken);
        }

        return null;
    }
}

/// <param name="Id">The transfer's id (its leaf) once the source vault took the move.</param>
public sealed record MoveResponse(string? Id, string TransactionHash, long? SourceBlock, string Status);
