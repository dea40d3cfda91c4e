using MarginBridge.Abstractions.Submission;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Chains.Proofs;
using MarginBridge.Grains.Relaying;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Grains.Liquidations;

/// <summary>What one step of a committee instruction did (<see cref="InstructionDriver"/>).</summary>
internal enum InstructionOutcome
{
    /// <summary>The vault marked its nonce executed.</summary>
    Executed,

    /// <summary>The chain's time passed its expiry before it executed.</summary>
    Expired,

    /// <summary>Fewer members than the threshold signed it; the detail names each refusal.</summary>
    Refused,

    /// <summary>The vault refused its root.</summary>
    RootRefused,

    /// <summary>Attested, its root submitted and its execution sent.</summary>
    Attested,

    /// <summary>Its root was accepted earlier; its execution was sent (again).</summary>
    Resent,

    /// <summary>Its execution is on its way; nothing to do yet.</summary>
    Waiting,
}

/// <param name="Sent">The execution's submission, for <see cref="InstructionOutcome.Attested"/> and <see cref="InstructionOutcome.Resent"/>.</param>
internal sealed record InstructionStep(InstructionOutcome Outcome, string Detail, SubmissionResult? Sent = null);

/// <summary>
/// Takes one committee instruction on a chain's instruction route a step further, deciding every step
/// from the vault's own state (executed? root accepted?) rather than from memory of what was sent, so
/// a crash or a resend never executes it twice.
/// </summary>
internal sealed class InstructionDriver(ChainConnections connections, CommitteeClient committee, IGrainFactory grains, PipelineOptions pipeline, TimeProvider time)
{
    private const long ExecutionGas = 500_000;

    /// <param name="sentAt">When its execution was last sent, or null: an execution older than <c>Pipeline:StuckTransactionSeconds</c> is sent again.</param>
    public async Task<InstructionStep> AdvanceAsync(ChainOptions chain, ulong nonce, ulong expiry, CommitteeInstruction instruction, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        var reader = connections.GetReader(chain.ChainId);
        if (await DecidedAtAsync(chain, nonce, expiry, await reader.GetHeadAsync(cancellationToken), cancellationToken) is { } decided)
        {
            return decided;
        }

        var route = LiquidationRoute.To(chain);
        var batch = await reader.QueryDeserializingAsync<BatchesFunction, BatchOutput>(chain.Vault, new BatchesFunction { RouteKey = MessageLeaf.RouteKey(route.SrcChainId, route.SrcContract), BatchNumber = nonce }, cancellationToken);
        var submitter = grains.GetGrain<IChainSubmitterGrain>(chain.ChainId);
        if (batch.Root.All(b => b == 0))
        {
            var answer = await committee.DecideAsync(instruction.Path, instruction.Body, LiquidationRoute.AttestationDigest(chain, nonce, instruction.Leaf), TimeSpan.FromMilliseconds(pipeline.AttestationTimeoutMilliseconds), cancellationToken);
            if (answer.Signers.Count < committee.Threshold)
            {
                return new InstructionStep(InstructionOutcome.Refused, $"{answer.Signers.Count} of {committee.Threshold} members attested: {string.Join("; ", answer.Refusals)}");
            }

            var submit = new SubmitRootFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, BatchNumber = nonce, Root = instruction.Leaf, MessageCount = 1, Signatures = [.. answer.Signatures] };
            // The execution right behind its root, in one call to the submitter: both land in the same block.
            var sent = await submitter.SendInOrder(
            [
                new SubmissionRequest(chain.Vault, submit.GetCallData().ToHex(prefix: true), null, $"submitRoot {instruction.Path} {nonce}"),
                new SubmissionRequest(chain.Vault, instruction.Execute, ExecutionGas, $"{instruction.Path} {nonce}"),
            ]);
            if (!sent[0].IsSent)
            {
                return new InstructionStep(InstructionOutcome.RootRefused, $"the vault refuses the root: {sent[0].Revert}");
            }

            return new InstructionStep(InstructionOutcome.Attested, $"attested by {string.Join(", ", answer.Signers)}", sent[1]);
        }

        if (sentAt is null || time.GetUtcNow() - sentAt > TimeSpan.FromSeconds(pipeline.StuckTransactionSeconds))
        {
            return new InstructionStep(InstructionOutcome.Resent, "root accepted", await submitter.Send(new SubmissionRequest(chain.Vault, instruction.Execute, null, $"{instruction.Path} {nonce}")));
        }

        return new InstructionStep(InstructionOutcome.Waiting, "execution sent; waiting for it to be mined");
    }

    /// <summary>
    /// As of <paramref name="block"/>: <see cref="InstructionOutcome.Executed"/> when the vault's
    /// replay bit for the nonce is set there, <see cref="InstructionOutcome.Expired"/> when it is not
    /// and the block is past the expiry (no later block can execute it, whatever signatures exist for
    /// it), null while it may still execute. Both read at the same block, so a void mined between two
    /// reads is never taken for an expired one.
    /// </summary>
    public async Task<InstructionStep?> DecidedAtAsync(ChainOptions chain, ulong nonce, ulong expiry, BlockRef block, CancellationToken cancellationToken)
    {
        var route = LiquidationRoute.To(chain);
        var executed = new IsExecutedFunction { SrcChainId = route.SrcChainId, SrcContract = route.SrcContract, MessageNonce = nonce };
        if (await connections.GetReader(chain.ChainId).QueryAtAsync<IsExecutedFunction, bool>(chain.Vault, executed, block.Number, cancellationToken))
        {
            return new InstructionStep(InstructionOutcome.Executed, $"nonce {nonce} is executed on {chain.Name}");
        }

        return block.Timestamp > (long)expiry ? new InstructionStep(InstructionOutcome.Expired, $"expired at {expiry} before it was executed") : null;
    }
}
