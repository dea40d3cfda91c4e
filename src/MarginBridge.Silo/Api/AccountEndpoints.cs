using MarginBridge.Grains.Accounts;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Margin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MarginBridge.Silo.Api;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/accounts/{address}", GetAccount)
            .WithName("GetAccount")
            .WithSummary("An account's collateral per chain and token (pending and final), its totals per asset, its positions on every venue and its live margin (grid=true adds each underlying's scenario P&L).")
            .WithTags("Accounts");
        app.MapGet("/accounts/{address}/transfers", GetTransfers)
            .WithName("GetAccountTransfers")
            .WithSummary("The transfers an account sent or receives, newest first (at most 100), each with its stage and steps.")
            .WithTags("Accounts");
        app.MapGet("/accounts/{address}/liquidations", GetLiquidations)
            .WithName("GetAccountLiquidations")
            .WithSummary("The account's liquidation instructions: the one under way (stage, what it waits for) and every one that ended, with the insurance fund that took the fee or paid the deficit.")
            .WithTags("Accounts");
        app.MapGet("/insurance-funds", async (IGrainFactory grains, IOptions<MarginBridgeOptions> options) =>
                TypedResults.Ok(await Task.WhenAll(options.Value.Chains.Select(async c => InsuranceFundResponse.From(c.Name, await grains.GetGrain<IInsuranceFundGrain>(c.ChainId).GetView())))))
            .WithName("GetInsuranceFunds")
            .WithSummary("Each chain's insurance fund as the silo books it (USD): fees of liquidations on that chain's venues in, their deficits out, with the latest bookings (which account, which instruction).")
            .WithTags("Accounts");
        return app;
    }

    private static async Task<Results<Ok<LiquidationView>, ValidationProblem>> GetLiquidations(string address, IGrainFactory grains)
    {
        if (!ApiProblems.TryAddress(address, "address", out var account, out var badAddress))
        {
            return badAddress!;
        }

        return TypedResults.Ok(await grains.GetGrain<ILiquidationGrain>(account).GetView());
    }

    private static async Task<Results<Ok<TransferResponse[]>, ValidationProblem>> GetTransfers(string address, IGrainFactory grains, AccountTransferIndex index, CancellationToken cancellationToken)
    {
        if (!ApiProblems.TryAddress(address, "address", out var account, out var badAddress))
        {
            return badAddress!;
        }

        var ids = await index.NewestAsync(account, 100, cancellationToken);
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITransferGrain>(id).GetView()));
        return TypedResults.Ok(views.OfType<TransferView>().Select(TransferResponse.From).ToArray());
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem>> GetAccount(
        string address, string? chainId, bool? grid, IGrainFactory grains, IOptions<MarginBridgeOptions> options, MarginModel model, TimeProvider time)
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
        var prices = await Task.WhenAll(options.Value.PriceFeeds.Select(f => grains.GetGrain<IPriceOracleGrain>(f.Asset).GetStatus()));
        var margin = AccountMarginResponse.From(view, options.Value, model, new PriceBoard(prices), time.GetUtcNow().ToUnixTimeSeconds(), grid ?? false);
        if (chain is not null)
        {
            view = view with { Balances = [.. view.Balances.Where(b => b.ChainId == chain.ChainId)] };
        }

        return TypedResults.Ok(AccountResponse.From(view, options.Value, margin));
    }
}

/// <param name="Bookings">The latest bookings, newest last: account, instruction nonce, USD (a fee positive, a deficit negative).</param>
public sealed record InsuranceFundResponse(long ChainId, string Chain, string BalanceUsd, IReadOnlyList<FundBookingResponse> Bookings)
{
    public static InsuranceFundResponse From(string chain, InsuranceFundView fund) => new(
        fund.ChainId, chain, SimulationResponse.Usd((Int128)fund.Balance), [.. fund.Bookings.Select(b => new FundBookingResponse(b.Account, b.Nonce, SimulationResponse.Usd((Int128)b.Amount), b.At))]);
}

public sealed record FundBookingResponse(string Account, ulong Nonce, string Usd, DateTimeOffset At);
