using System.Globalization;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Grains.Breakers;
using MarginBridge.Grains.Relaying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

public static class WithdrawalEndpoints
{
    /// <summary>How long a clearance can be paid; the account's collateral is held back that long.</summary>
    public const int ClearanceLifetimeSeconds = 300;

    public static IEndpointRouteBuilder MapWithdrawalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/withdrawals", PostWithdrawal)
            .WithName("PostWithdrawal")
            .WithSummary("Asks for a margin clearance for a withdrawal the account signed (EIP-712 WithdrawalRequest in the vault's domain): 200 with the clearance and a quorum of committee signatures for the vault's withdraw(), 400 naming the field, 409 while a breaker halts withdrawals, 422 with the reason in words and numbers.")
            .WithTags("Withdrawals");
        return app;
    }

    private static async Task<Results<Ok<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> PostWithdrawal(
        WithdrawalRequestBody body, IOptions<MarginBridgeOptions> options, ChainConnections chains, CommitteeClient committee, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (withdrawal, field, error) = body.Parse(options.Value);
        if (withdrawal is null)
        {
            return ApiProblems.Invalid(field!, error!);
        }

        var chain = withdrawal.Chain;
        if (await OpenBreakers.FirstAsync(grains, BreakerScope.ForWithdrawal(chain.ChainId, withdrawal.Token.Asset)) is { } open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Halted by circuit breaker {open.Scope}", detail: $"{open.Reason} (open since {open.Since:u}); no clearance was asked for, retry once it closes (GET /breakers)");
        }

        var reader = chains.GetReader(chain.ChainId);
        var head = await reader.GetHeadAsync(cancellationToken);
        if ((long)withdrawal.Deadline < head.Timestamp)
        {
            return ApiProblems.Invalid("deadline", $"{withdrawal.Deadline} has passed: {chain.Name}'s latest block is at {head.Timestamp}");
        }

        if (await reader.QueryAsync<UsedClearancesFunction, bool>(chain.Vault, new UsedClearancesFunction { Account = withdrawal.Account, ClearanceNonce = withdrawal.Nonce }, cancellationToken))
        {
            return ApiProblems.Invalid("nonce", $"{withdrawal.Account} already withdrew with nonce {withdrawal.Nonce} from {chain.Name}'s vault");
        }

        var expiry = (ulong)Math.Min((long)withdrawal.Deadline, head.Timestamp + ClearanceLifetimeSeconds);
        var reservation = new WithdrawalReservation(chain.ChainId, withdrawal.TokenAddress, withdrawal.Amount, withdrawal.Nonce, (long)expiry);
        var account = grains.GetGrain<IAccountMarginGrain>(withdrawal.Account);
        var decision = await account.ReserveWithdrawal(reservation);
        if (!decision.Granted)
        {
            var numbers = decision.InitialRequirement.IsZero && decision.EquityAfter.IsZero ? string.Empty
                : $": equity after {Usd(decision.EquityAfter)} USD, initial requirement {Usd(decision.InitialRequirement)} USD";
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The account cannot withdraw this", detail: decision.Refusal + numbers);
        }

        var clearance = new ClearanceStruct { Account = withdrawal.Account, Token = withdrawal.TokenAddress, Amount = withdrawal.Amount, Nonce = withdrawal.Nonce, Expiry = expiry };
        var answer = await committee.DecideAsync("clearances", new ClearanceBody(body, expiry), MemberDecision.ClearanceDigest(chain.ChainId, chain.Vault, clearance), TimeSpan.FromMilliseconds(options.Value.Pipeline.AttestationTimeoutMilliseconds), cancellationToken);
        if (answer.Signers.Count < committee.Threshold)
        {
            await account.ReleaseWithdrawal(reservation.Key);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"The committee did not clear it ({answer.Signers.Count} of {committee.Threshold} needed)",
                detail: string.Join("; ", answer.Refusals));
        }

        await grains.GetGrain<IOutflowMeterGrain>(withdrawal.Token.Asset).Take(withdrawal.Token.ToWholeUnits(withdrawal.Amount), $"withdrawal of {withdrawal.Amount} base units from {chain.Name} by {withdrawal.Account}");
        return TypedResults.Ok(new WithdrawalResponse(
            chain.ChainId,
            chain.Vault,
            new ClearanceResponse(clearance.Account, clearance.Token, clearance.Amount.ToString(CultureInfo.InvariantCulture), clearance.Nonce, clearance.Expiry),
            [.. answer.Signatures.Select(MemberDecision.Encode)],
            answer.Signers,
            Usd(decision.EquityAfter),
            Usd(decision.InitialRequirement)));
    }

    private static string Usd(System.Numerics.BigInteger quoteUnits) => SimulationResponse.Usd((Int128)quoteUnits);
}

/// <summary>
/// A clearance the vault accepts: call <c>withdraw(clearance, signatures)</c> on <paramref name="Vault"/>
/// before <c>clearance.expiry</c>. Signatures are ascending by signer, as the vault wants them.
/// </summary>
public sealed record WithdrawalResponse(
    long ChainId, string Vault, ClearanceResponse Clearance, IReadOnlyList<string> Signatures, IReadOnlyList<string> Signers, string EquityAfter, string InitialRequirement)
{
    /// <summary>The vault call that pays it, for anyone to send (the vault pays the clearance's account).</summary>
    public WithdrawFunction ToWithdrawCall() => new()
    {
        Clearance = new ClearanceStruct
        {
            Account = Clearance.Account,
            Token = Clearance.Token,
            Amount = System.Numerics.BigInteger.Parse(Clearance.Amount, CultureInfo.InvariantCulture),
            Nonce = Clearance.Nonce,
            Expiry = Clearance.Expiry,
        },
        Signatures = [.. Signatures.Select(s => new MemberDecision(string.Empty, true, s, null, null, null).ToSignature()!)],
    };
}

public sealed record ClearanceResponse(string Account, string Token, string Amount, ulong Nonce, ulong Expiry);
