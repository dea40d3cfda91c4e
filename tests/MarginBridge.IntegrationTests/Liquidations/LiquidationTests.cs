using System.Net.Http.Json;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using MarginBridge.Chains.Serialization;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.IntegrationTests.Liquidations;

/// <summary>
/// A price crash puts an account below maintenance: the liquidator reduces its perpetual on the
/// venue's chain step by step through committee-attested instructions executed by the vault, which
/// settles each step with that chain's insurance fund (a fee from the account's collateral on that
/// chain into the fund, or a deficit from the fund to the account); every step is journaled, and it
/// stops once the account is back above maintenance.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class LiquidationTests(DevnetFixture devnet) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>These tests move prices: each leaves them calm and no halt behind.</summary>
    public Task DisposeAsync() => devnet.CalmAsync();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(), new BigIntegerJsonConverter() } };

    [Fact]
    public async Task CrashBelowMaintenance_IsLiquidatedOnTheVenue_EachStepSettledWithTheChainsInsuranceFundOnChain_UntilMaintenanceIsCoveredAgain()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var venue = devnet.Optimistic;
        var onVenueChain = new BigInteger(200_000_000);
        var trader = await devnet.PerpTraderAsync(1_000_000_000, venue, 10m, onVenueChain: (long)onVenueChain);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.Flag?.Status == MarginStatus.Healthy, "the account is healthy at 3,000");

        try
        {
            // 10 ETH long on 1,000 USDC: at 2,920 equity is 200, maintenance 350.40. Each step sells at most a
            // block's share (10 %) at the fillable price; while the account stays below maintenance it goes on.
            await devnet.SetPriceAsync("ETH", 2_920m);
            await Eventually.Until(
                () => LiquidationsAsync(trader.Address),
                v => v.Done.Count(o => o.Stage == "Executed") >= 2,
                "two liquidation steps are executed",
                TimeSpan.FromSeconds(90));

            // Back at 3,000 the account covers maintenance again (its realized losses stay): the liquidator stops.
            await devnet.SetPriceAsync("ETH", 3_000m);
            await Eventually.Until(
                () => LiquidationsAsync(trader.Address),
                v => v.Pending is null,
                "the step under way ends");
            var (liquidated, onVenue) = await Eventually.Until(
                async () => (await devnet.Api.AccountAsync(trader.Address), await OnVenueAsync(trader.Address)),
                x => x.Item1.Flag?.Status is MarginStatus.Healthy or MarginStatus.BelowInitial && x.Item1.Positions.Single().Size == x.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "the account is above maintenance and shows the venue's position");

            Assert.True(onVenue < BigInteger.Pow(10, 19) && onVenue > 0, $"partially liquidated, not closed: {onVenue}");

            var view = await LiquidationsAsync(trader.Address);
            Assert.Null(view.Pending);
            var executed = view.Done.Where(o => o.Stage == "Executed").ToList();
            Assert.NotEmpty(executed);
            Assert.All(executed, o => Assert.True(o.SizeDelta < 0 && o.ChainId == venue.Options.ChainId, "each step sells part of the long on its own venue's chain"));
            Assert.Equal(BigInteger.Pow(10, 19) + executed.Aggregate(BigInteger.Zero, (s, o) => s + o.SizeDelta), onVenue);

            // Each step settled with the venue's chain's insurance fund on chain — at 2,920 the fillable price lies
            // below this account's bankruptcy price, so the fund covers a deficit — as the plan said; the fund's
            // bookings (from the vault's events) and the account's collateral on that chain show exactly that.
            Assert.All(executed, o => Assert.True(o.FundTransfer != 0 && o.FundTransfer == o.FeeToFund - o.PaidByFund, $"settled as planned: {o.FundTransfer}"));
            var settled = executed.Aggregate(BigInteger.Zero, (sum, o) => sum + o.FundTransfer);
            var balance = await DevnetFixture.VaultBalanceAsync(venue, trader.Address);
            Assert.Equal(onVenueChain - settled, balance);
            await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.On(venue.Options.ChainId).Item1 + a.On(venue.Options.ChainId).Item2 == balance, "the account shows the settlements");
            var bookings = (await FundAsync(venue.Options.ChainId)).Bookings.Where(b => string.Equals(b.Account, trader.Address, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(
                executed.Select(o => (o.Nonce, SimulationResponse.Usd((Int128)o.FundTransfer))).Order(),
                bookings.Select(b => (b.Nonce, b.Usd)).Order());

            Assert.Equal(liquidated.Positions.Single().Size, onVenue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await devnet.CalmAsync();
        }
    }

    [Fact]
    public async Task AFeeTheAccountCannotPayOnTheVenuesChain_IsSweptFromItsCollateralOnAnotherChain_IntoThatChainsFund_OncePerLiquidation()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var (venue, appChain) = (devnet.Optimistic, devnet.AppChain);
        var collateral = new BigInteger(2_000_000_000);
        var trader = await devnet.PerpTraderAsync((long)collateral, venue, 10m);

        try
        {
            // 10 ETH long on 2,000 USDC, all of it on the app-chain: at 2,828 equity is 280 USD, maintenance about 339.
            // Equity is above 60 % of maintenance, so each step fills above bankruptcy and owes a fee — which the
            // vault cannot take on the optimistic chain, where the account holds nothing.
            await devnet.SetPriceAsync("ETH", 2_828m);
            await Eventually.Until(
                () => LiquidationsAsync(trader.Address),
                v => v.Done.Any(IsFeeStep),
                "a liquidation step that owes a fee is executed",
                TimeSpan.FromSeconds(90));
            await devnet.SetPriceAsync("ETH", 3_000m);
            var last = (await Eventually.Until(
                () => LiquidationsAsync(trader.Address),
                v => v.Pending is null,
                "the step under way ends")).Done.Where(IsFeeStep).MaxBy(o => o.Nonce)!;

            // Asked before the venue chain's settlement is hard-final there (the last step's block is within the
            // optimistic chain's challenge window of its head), a member refuses to sweep its fee.
            var early = await AskSweepAsync(last, last.FundTransfer);
            Assert.Contains($"no hard-final settlement of liquidation {last.Nonce}", early, StringComparison.Ordinal);

            // The members sign a sweep only once the venue chain's settlement is hard-final there: the test
            // devnet's chains move in time only when told, so the optimistic chain's challenge window is passed by hand.
            var advanced = DateTimeOffset.MinValue;
            var view = await Eventually.Until(
                async () =>
                {
                    if (DateTimeOffset.UtcNow - advanced > TimeSpan.FromSeconds(5))
                    {
                        await Transfers.TransferTestSteps.MakeHardFinalAsync(venue);
                        advanced = DateTimeOffset.UtcNow;
                    }

                    return await LiquidationsAsync(trader.Address);
                },
                v => v.Sweep is null && v.Done.Where(IsFeeStep).All(step => v.Done.Any(o => o.SweepOf?.Nonce == step.Nonce && o.Stage == "Executed")),
                "every step's unpaid fee is swept",
                TimeSpan.FromSeconds(120));

            var steps = view.Done.Where(IsFeeStep).ToList();
            var sweeps = view.Done.Where(o => o.SweepOf is not null && o.Stage == "Executed").ToList();
            Assert.NotEmpty(steps);
            Assert.All(sweeps, s => Assert.Equal((appChain.Options.ChainId, venue.Options.ChainId), (s.ChainId, s.SweepOf!.ChainId)));

            // On the venue's chain each step asked its fee and moved nothing; on the app-chain exactly one sweep per step
            // took that fee (both USDC have 6 decimals), and no other chain collected any of them.
            var settled = await EventsAsync<LiquidationSettledEvent>(venue, trader.Address);
            var swept = await EventsAsync<FeeSweptEvent>(appChain, trader.Address);
            foreach (var step in steps)
            {
                var settlement = Assert.Single(settled, e => e.Nonce == step.Nonce);
                Assert.Equal((step.FundTransfer, BigInteger.Zero), (settlement.Requested, settlement.Moved));
                var sweep = Assert.Single(swept, e => e.LiquidationNonce == step.Nonce);
                Assert.Equal(((ulong)venue.Options.ChainId, step.FundTransfer, step.FundTransfer), (sweep.LiquidationChainId, sweep.Requested, sweep.Moved));
                foreach (var other in new[] { devnet.Hub, devnet.Zk, venue })
                {
                    Assert.False(await DevnetFixture.QueryVaultAsync<FeeSweptFunction, bool>(other, new FeeSweptFunction { LiquidationChainId = sweep.LiquidationChainId, LiquidationNonce = step.Nonce }));
                }

                // Each sweep crossed as a transfer to the optimistic vault itself, executed there once: into its fund, no account's balance.
                var route = new IsExecutedFunction { SrcChainId = (ulong)appChain.Options.ChainId, SrcContract = appChain.Contracts.Vault, MessageNonce = sweep.TransferNonce };
                await Eventually.Until(() => DevnetFixture.QueryVaultAsync<IsExecutedFunction, bool>(venue, route), executed => executed, $"the transfer of sweep {sweep.TransferNonce} is executed on the optimistic chain");
            }

            Assert.Equal(steps.Count, swept.Count);
            var total = swept.Aggregate(BigInteger.Zero, (sum, e) => sum + e.Moved);
            Assert.Equal(collateral - total, await DevnetFixture.VaultBalanceAsync(appChain, trader.Address));
            Assert.Equal(BigInteger.Zero, await DevnetFixture.VaultBalanceAsync(venue, trader.Address));
            Assert.Equal(BigInteger.Zero, await DevnetFixture.VaultBalanceAsync(venue, venue.Contracts.Vault));
            await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.On(appChain.Options.ChainId).Item1 + a.On(appChain.Options.ChainId).Item2 == collateral - total, "the account shows the sweeps");

            // Hostile sweeps of a collected fee get no signature: one above what the venue chain left unpaid,
            // and one of exactly that fee, a second time.
            Assert.Contains("more than the fee", await AskSweepAsync(last, last.FundTransfer + 1), StringComparison.Ordinal);
            Assert.Contains($"already collected on {appChain.Options.Name}", await AskSweepAsync(last, last.FundTransfer), StringComparison.Ordinal);
        }
        finally
        {
            await devnet.CalmAsync();
        }

        static bool IsFeeStep(LiquidationOrder o) => o.SweepOf is null && o.Stage == "Executed" && o.FundTransfer > 0;

        // A sweep of step's fee from the account's app-chain balance, asked of one member directly; its refusal.
        async Task<string> AskSweepAsync(LiquidationOrder step, BigInteger amount)
        {
            var body = new Chains.Liquidations.FeeSweepBody(
                appChain.Options.ChainId, 9_000_000 + step.Nonce, (ulong)DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(), trader.Address,
                appChain.Contracts.Token, amount.ToString(CultureInfo.InvariantCulture), venue.Options.ChainId, step.Nonce);
            using var member = new HttpClient { BaseAddress = new Uri(devnet.Devnet.Signers[1].HttpUrl) };
            using var response = await member.PostAsJsonAsync("/sweeps", body, Json);
            var decision = (await response.Content.ReadFromJsonAsync<Chains.Committee.MemberDecision>(Json))!;
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return decision.Refusal!;
        }
    }

    [Fact]
    public async Task DeficitTheFundCannotPay_IsDeleveragedAgainstTheBestRankedOppositePosition_AtTheBankruptcyPrice()
    {
        // The zk chain's fund is empty in the test devnet. The short is the most profitable and leveraged one there.
        await devnet.SetPriceAsync("ETH", 3_000m);
        var venue = devnet.Zk;
        var shortSide = await devnet.PerpTraderAsync(500_000_000, venue, -10m);
        var lowerRanked = await devnet.PerpTraderAsync(5_000_000_000, venue, -10m);
        var bankrupt = await devnet.PerpTraderAsync(1_000_000_000, venue, 10m);

        try
        {
            // At 2,850 the long's equity is −500 USD: every fill leaves a deficit, and nobody can pay it.
            await devnet.SetPriceAsync("ETH", 2_850m);
            var view = await Eventually.Until(
                () => LiquidationsAsync(bankrupt.Address),
                v => v.Done.Any(o => o.Stage == "Executed"),
                "a deleveraging step is executed",
                TimeSpan.FromSeconds(90));

            // The same step against the short with ten times the collateral (a third of the leverage) gets no signature.
            var step = view.Done.First(o => o.Stage == "Executed");
            var outranked = new Chains.Liquidations.DeleverageBody(
                venue.Options.ChainId, 1_000_000, (ulong)DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), venue.Contracts.Venue, MarketOptions.ToOnChainId("ETH-PERP"),
                bankrupt.Address, lowerRanked.Address, (step.SizeDelta / 2).ToString(CultureInfo.InvariantCulture), step.Price.ToString(CultureInfo.InvariantCulture));
            using var member = new HttpClient { BaseAddress = new Uri(devnet.Devnet.Signers[1].HttpUrl) };
            using var response = await member.PostAsJsonAsync("/deleverages", outranked, Json);
            var decision = (await response.Content.ReadFromJsonAsync<Chains.Committee.MemberDecision>(Json))!;
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains($"{shortSide.Address} ranks first", decision.Refusal, StringComparison.OrdinalIgnoreCase);

            await devnet.SetPriceAsync("ETH", 3_000m);
            view = await Eventually.Until(
                () => LiquidationsAsync(bankrupt.Address),
                v => v.Pending is null,
                "the step under way ends");

            var executed = view.Done.Where(o => o.Stage == "Executed").ToList();
            Assert.All(executed, o =>
            {
                Assert.Equal(("AutoDeleveraging", BigInteger.Zero), (o.PaidBy, o.FundTransfer));
                Assert.Equal(shortSide.Address, o.Counterparty, StringComparer.OrdinalIgnoreCase);
                Assert.True(o.Price > 2_850 * BigInteger.Pow(10, 18), $"the bankruptcy price of the long lies above the oracle: {o.Price}");
            });

            // Both sides moved on chain by the same size, in the same transactions.
            var closed = executed.Aggregate(BigInteger.Zero, (sum, o) => sum + o.SizeDelta);
            Assert.Equal(BigInteger.Pow(10, 19) + closed, await OnVenueAsync(venue, bankrupt.Address));
            Assert.Equal(-BigInteger.Pow(10, 19) - closed, await OnVenueAsync(venue, shortSide.Address));
        }
        finally
        {
            await devnet.CalmAsync();
        }
    }

    [Fact]
    public async Task ShortCallsBelowMaintenance_AreBoughtBackAtMarkStepByStep_WithTheFeeMovedIntoTheFund()
    {
        var (venue, trader, collateral) = await ShortCallsAsync();
        try
        {
            // At 3,450 the ten short calls are worth about 4,090 USD against 1,600 received: equity about 4,000,
            // maintenance (the grid's worst case plus the naked-short contingency) about 6,250.
            await devnet.SetPriceAsync("ETH", 3_450m);
            await Eventually.Until(
                () => LiquidationsAsync(trader.Address),
                v => v.Done.Count(o => o.Stage == "Executed") >= 2,
                "two option liquidation steps are executed",
                TimeSpan.FromSeconds(90));
            await devnet.SetPriceAsync("ETH", 3_000m);
            var view = await Eventually.Until(
                () => LiquidationsAsync(trader.Address),
                v => v.Pending is null,
                "the step under way ends");

            var executed = view.Done.Where(o => o.Stage == "Executed").ToList();
            Assert.All(executed, o =>
            {
                Assert.True(o.SizeDelta > 0 && o.SizeDelta <= BigInteger.Pow(10, 18), $"each step buys back at most one block's share: {o.SizeDelta}");
                Assert.Equal("Account", o.PaidBy);
                Assert.True(o.FundTransfer > 0 && o.FundTransfer == o.FeeToFund, $"a fee to the fund: {o.FundTransfer}");
                Assert.True(o.Price > 300 * BigInteger.Pow(10, 18) && o.Price < 520 * BigInteger.Pow(10, 18), $"at the call's mark near 3,450: {o.Price}");
            });

            var bought = executed.Aggregate(BigInteger.Zero, (sum, o) => sum + o.SizeDelta);
            var onVenue = await OnVenueAsync(venue, trader.Address, "ETH-C-3200");
            Assert.Equal(-10 * BigInteger.Pow(10, 18) + bought, onVenue);
            var balance = await DevnetFixture.VaultBalanceAsync(venue, trader.Address);
            Assert.Equal(collateral - executed.Aggregate(BigInteger.Zero, (sum, o) => sum + o.FundTransfer), balance);
            await Eventually.Until(
                () => devnet.Api.AccountAsync(trader.Address),
                a => a.Positions.Single().Size == onVenue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "the account shows the venue's position");
        }
        finally
        {
            await devnet.CalmAsync();
        }
    }

    [Fact]
    public async Task AVolatilityRise_OnTheFeedTheCallsAreMarkedAt_ReMarginsTheAccountByItself()
    {
        var (_, trader, _) = await ShortCallsAsync();
        try
        {
            var healthy = (await devnet.Api.AccountAsync(trader.Address)).Margin!;

            // ETH's implied volatility from 70 % to 140 %: the calls are worth more and every scenario loses more.
            await devnet.SetPriceAsync("ETH-IV", 1.4m);
            var stressed = await Eventually.Until(
                () => devnet.Api.AccountAsync(trader.Address),
                a => a.Flag?.Status is MarginStatus.BelowInitial or MarginStatus.Liquidatable,
                "the exposure index re-margins the account on the volatility feed");
            Assert.True(decimal.Parse(stressed.Margin!.MaintenanceRequirement, CultureInfo.InvariantCulture) > decimal.Parse(healthy.MaintenanceRequirement, CultureInfo.InvariantCulture));
            Assert.True(decimal.Parse(stressed.Margin.OptionValue, CultureInfo.InvariantCulture) < decimal.Parse(healthy.OptionValue, CultureInfo.InvariantCulture), "short calls are worth less to their writer");
        }
        finally
        {
            await devnet.CalmAsync();
        }
    }

    [Fact]
    public async Task AMember_RefusesToLiquidateAnAccountAboveMaintenance_ReadFromTheChains()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var venue = devnet.Optimistic;
        var trader = await devnet.PerpTraderAsync(1_000_000_000, venue, 10m);

        // What a silo acting alone would ask: sell 1 ETH of a healthy account at the oracle price.
        var body = new Chains.Liquidations.LiquidationBody(
            venue.Options.ChainId, 1_000_000, (ulong)DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), venue.Contracts.Venue, trader.Address,
            MarketOptions.ToOnChainId("ETH-PERP"), "-1000000000000000000", "3000000000000000000000", venue.Contracts.Token, "0");
        using var member = new HttpClient { BaseAddress = new Uri(devnet.Devnet.Signers[1].HttpUrl) };
        using var response = await member.PostAsJsonAsync("/liquidations", body, Json);
        var decision = (await response.Content.ReadFromJsonAsync<Chains.Committee.MemberDecision>(Json))!;

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(decision.IsSigned);
        Assert.Contains("not below maintenance", decision.Refusal, StringComparison.Ordinal);
        Assert.Equal(("1000.000000", "360.000000"), (decision.Equity, decision.Requirement));
    }

    /// <summary>A new account short 10 ETH-C-3200 calls (30 days, premium 160) on the optimistic venue with 6,500 USDC there, healthy at ETH 3,000 and 70 % volatility.</summary>
    private async Task<(DevnetChain Venue, DevAccount Trader, BigInteger Collateral)> ShortCallsAsync()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        await devnet.SetPriceAsync("ETH-IV", 0.7m);
        var venue = devnet.Optimistic;
        var trader = await devnet.NewAccountAsync();
        var collateral = await DevnetFixture.DepositAsync(venue, trader, 6_500_000_000);
        await Transfers.TransferTestSteps.MakeHardFinalAsync(venue);
        await new VenueClient(venue.Node, trader, venue.Contracts.Venue).TradeOptionAsync("ETH-C-3200", Instrument.Call, -10m, 160m, 3_200m, DateTimeOffset.UtcNow.AddDays(30));
        await Eventually.Until(
            () => devnet.Api.AccountAsync(trader.Address),
            a => a.Positions.Count == 1 && a.On(venue.Options.ChainId) == (0, collateral) && a.Flag?.Status == MarginStatus.Healthy,
            "the short calls and the collateral reach the account, healthy at 3,000");
        return (venue, trader, collateral);
    }

    private Task<BigInteger> OnVenueAsync(string account) => OnVenueAsync(devnet.Optimistic, account);

    private static async Task<BigInteger> OnVenueAsync(DevnetChain venue, string account, string market = "ETH-PERP")
    {
        var position = await venue.Node.Web3For(venue.Node.Accounts[0]).Eth.GetContractQueryHandler<VenuePositionsFunction>()
            .QueryDeserializingToObjectAsync<VenuePositionOutput>(new VenuePositionsFunction { Account = account, Market = MarketOptions.ToOnChainId(market).HexToByteArray() }, venue.Contracts.Venue);
        return position.Size;
    }

    /// <summary>The vault's events of one kind whose first indexed field is the account, from the chain itself.</summary>
    private static async Task<List<TEvent>> EventsAsync<TEvent>(DevnetChain chain, string account)
        where TEvent : Nethereum.ABI.FunctionEncoding.Attributes.IEventDTO, new()
    {
        var handler = chain.Node.Web3For(chain.Node.Accounts[0]).Eth.GetEvent<TEvent>(chain.Contracts.Vault);
        var logs = await handler.GetAllChangesAsync(handler.CreateFilterInput(account, Nethereum.RPC.Eth.DTOs.BlockParameter.CreateEarliest(), Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest()));
        return [.. logs.Select(l => l.Event)];
    }

    private async Task<LiquidationView> LiquidationsAsync(string account) =>
        (await devnet.Api.Http.GetFromJsonAsync<LiquidationView>($"/accounts/{account}/liquidations", Json))!;

    private async Task<InsuranceFundResponse> FundAsync(long chainId) =>
        (await devnet.Api.Http.GetFromJsonAsync<InsuranceFundResponse[]>("/insurance-funds", Json))!.Single(f => f.ChainId == chainId);
}
