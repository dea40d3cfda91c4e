using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/accounts/{address}", GetAccount)
            .WithName("GetAccount")
            .WithSummary("An account's collateral per chain and token (pending and final) and its totals per asset.")
            .WithTags("Accounts");
        return app;
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem>> GetAccount(
        string address, string? chainId, IGrainFactory grains, IOptions<MarginBridgeOptions> options)
    {
        if (!ApiProblems.TryAddress(address, "address", out var account, out var badAddress))
        {
            return badAddress!;
        }

        if (!ApiProblems.TryChain(chainId, options.Value, "chainId", out var chain, out var badChain))
        {
            return badChain!;
        }

        var view = await grains.GetGrain<IAccountMarginGrain>(account).GetView();
        if (chain is not null)
        {
            view = view with { Balances = [.. view.Balances.Where(b => b.ChainId == chain.ChainId)] };
        }

        return TypedResults.Ok(AccountResponse.From(view, options.Value));
    }
}
