using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using MarginBridge.Abstractions.Breakers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Withdrawals;

/// <summary>
/// Withdrawals need a margin clearance: the silo holds the collateral back and a quorum of members,
/// each reading the account from the chains itself, signs it only while the account covers its
/// initial requirement afterwards; the vault pays it once; bad requests change nothing.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class WithdrawalTests(DevnetFixture devnet)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static ulong _nonce = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private DevnetChain AppChain => devnet.AppChain;

    [Fact]
    public async Task CollateralOnlyAccount_IsCleared_TheVaultPaysOnce_AndTheAccountShowsIt()
    {
        var trader = await FundedAsync(10_000_000_000);
        var request = Sign(trader, 4_000_000_000);

        var cleared = await ClearAsync(request);
        Assert.True(cleared.Signers.Count >= 2, "a quorum of members signed");
        Assert.Equal(cleared.Signers.Order(StringComparer.Ordinal), cleared.Signers);
        Assert.Equal("6000.000000", cleared.EquityAfter);
        await WithdrawAsync(trader, cleared);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.On(AppChain.Options.ChainId) == (0, 6_000_000_000), "the account shows the withdrawal, final");
        Assert.Equal(new BigInteger(6_000_000_000), await VaultBalanceAsync(trader));

        using var again = await PostAsync(request);
        await AssertNamesFieldAsync(again, "nonce");
        var replay = await Assert.ThrowsAsync<SmartContractCustomErrorRevertException>(() => WithdrawAsync(trader, cleared));
        Assert.StartsWith("ClearanceAlreadyUsed", RevertReasons.Describe(replay), StringComparison.Ordinal);
        Assert.Equal(new BigInteger(6_000_000_000), await VaultBalanceAsync(trader));
    }

    [Fact]
    public async Task WithdrawalBelowInitial_IsRefusedWithNumbers_AndHeldCollateralCountsUntilPaid()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var trader = await devnet.PerpTraderAsync(1_000_000_000, devnet.Optimistic, 10m);

        // 10 ETH long at 3,000: initial requirement 600 USD (Large-Cap 2 %).
        using (var tooMuch = await PostAsync(Sign(trader, 500_000_000)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
            var detail = (await tooMuch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Contains("equity after 500.000000 USD, initial requirement 600.000000 USD", detail, StringComparison.Ordinal);
        }

        var first = await ClearAsync(Sign(trader, 300_000_000));
        Assert.Equal(("700.000000", "600.000000"), (first.EquityAfter, first.InitialRequirement));

        // Not paid yet, the first clearance still holds its 300 back: another 300 would leave 400.
        using (var second = await PostAsync(Sign(trader, 300_000_000)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        }

        await WithdrawAsync(trader, first);
        Assert.Equal(new BigInteger(700_000_000), await VaultBalanceAsync(trader));
    }

    [Fact]
    public async Task AMember_RecomputesTheMarginItself_AndNeverClearsTheSameCollateralTwice()
    {
        await devnet.SetPriceAsync("ETH", 3_000m);
        var trader = await devnet.PerpTraderAsync(1_000_000_000, devnet.Zk, -10m);
        using var member = new HttpClient { BaseAddress = new Uri(devnet.Devnet.Signers[0].HttpUrl) };
        var expiry = (ulong)DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();

        // Asked directly, as a silo that skipped its own check would: the member reads the short from the zk venue itself.
        using (var tooMuch = await member.PostAsJsonAsync("/clearances", new ClearanceBody(Sign(trader, 500_000_000), expiry), Json))
        {
            var answer = (await tooMuch.Content.ReadFromJsonAsync<MemberDecision>(Json))!;
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
            Assert.Equal(("500.000000", "600.000000"), (answer.Equity, answer.Requirement));
        }

        using (var first = await member.PostAsJsonAsync("/clearances", new ClearanceBody(Sign(trader, 300_000_000), expiry), Json))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await member.PostAsJsonAsync("/clearances", new ClearanceBody(Sign(trader, 300_000_000), expiry), Json);
        var refusal = (await second.Content.ReadFromJsonAsync<MemberDecision>(Json))!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("400.000000", refusal.Equity);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("amount")]
    [InlineData("chainId")]
    [InlineData("token")]
    [InlineData("deadline")]
    public async Task BadRequest_Answers400NamingTheField_AndHoldsNothingBack(string field)
    {
        var trader = await FundedAsync(1_000_000_000);
        var good = Sign(trader, 100_000_000);
        var bad = field switch
        {
            "signature" => good with { Signature = Sign(Stranger(), 100_000_000).Signature },
            "amount" => good with { Amount = "0" },
            "chainId" => good with { ChainId = 999 },
            "token" => good with { Token = "0x00000000000000000000000000000000000000aa" },
            _ => Sign(trader, 100_000_000, deadline: 1_000),
        };

        using var response = await PostAsync(bad);
        await AssertNamesFieldAsync(response, field);
        var account = await devnet.Api.AccountAsync(trader.Address);
        Assert.Equal((0, 1_000_000_000), account.On(AppChain.Options.ChainId));
    }

    [Fact]
    public async Task OpenBreaker_HaltsWithdrawals_Naming_It()
    {
        var trader = await FundedAsync(1_000_000_000);
        var scope = BreakerScope.Chain(AppChain.Options.ChainId);
        using (await devnet.Api.OperatorPostAsync($"/operator/breakers/{scope}/trip", devnet.Devnet.OperatorToken, JsonContent.Create(new { reason = "withdrawal test" })))
        {
        }

        try
        {
            using var response = await PostAsync(Sign(trader, 100_000_000));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains(scope, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            using (await devnet.Api.OperatorPostAsync($"/operator/breakers/{scope}/reset", devnet.Devnet.OperatorToken, JsonContent.Create(new { reason = "done" })))
            {
            }

            await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.State == BreakerState.Closed, $"{scope} closes again", TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task OutflowsOverTheRateLimit_OpenTheAssetBreaker_UntilTheBucketRefills()
    {
        // The test fixture's USDC bucket: 100,000,000 at once, refilled at 10,000,000 per second.
        var whale = await FundedAsync(200_000_000_000_000);
        await ClearAsync(Sign(whale, 150_000_000_000_000));

        var scope = BreakerScope.Asset("USDC");
        var open = await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.State == BreakerState.Open, "the USDC breaker opens");
        Assert.Contains("outflow-rate", open.ActiveTriggers.Keys);
        using (var halted = await PostAsync(Sign(whale, 1_000_000)))
        {
            Assert.Equal(HttpStatusCode.Conflict, halted.StatusCode);
        }

        await Eventually.Until(async () => (await devnet.Api.BreakersAsync()).Single(b => b.Scope == scope), b => b.State == BreakerState.Closed, "the bucket refills and the breaker closes", TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task MbWithdraw_GetsTheClearance_AndThePayout()
    {
        var trader = await FundedAsync(1_000_000_000);
        var (code, output) = await MbProcess.RunAsync(
            ["withdraw", "--chain", "appchain", "--token", "USDC", "--amount", "250", "--api", devnet.Api.Http.BaseAddress!.ToString(), "--rpc", AppChain.Node.RpcUrl],
            new Dictionary<string, string> { ["MB_PRIVATE_KEY"] = trader.PrivateKey });
        Assert.True(code == 0, output);
        Assert.Contains("withdrew 250 USDC", output, StringComparison.Ordinal);
        Assert.Equal(new BigInteger(750_000_000), await VaultBalanceAsync(trader));
    }

    private static DevAccount Stranger()
    {
        var key = EthECKey.GenerateKey();
        return new DevAccount(key.GetPublicAddress(), key.GetPrivateKey());
    }

    private async Task<DevAccount> FundedAsync(long amount)
    {
        var trader = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(AppChain, trader, amount);
        await Eventually.Until(() => devnet.Api.AccountAsync(trader.Address), a => a.On(AppChain.Options.ChainId) == (0, amount), "the deposit is final");
        return trader;
    }

    private WithdrawalRequestBody Sign(DevAccount account, long amount, ulong? deadline = null) => WithdrawalRequestBody.Sign(
        new EthECKey(account.PrivateKey), AppChain.Options.ChainId, AppChain.Contracts.Vault, AppChain.Contracts.Token, amount,
        Interlocked.Increment(ref _nonce), deadline ?? (ulong)DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds());

    private Task<HttpResponseMessage> PostAsync(WithdrawalRequestBody request) => devnet.Api.Http.PostAsJsonAsync("/withdrawals", request, Json);

    private async Task<WithdrawalResponse> ClearAsync(WithdrawalRequestBody request)
    {
        using var response = await PostAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WithdrawalResponse>(Json))!;
    }

    private async Task WithdrawAsync(DevAccount trader, WithdrawalResponse cleared)
    {
        var receipt = await AppChain.Node.Web3For(trader).Eth.GetContractTransactionHandler<WithdrawFunction>().SendRequestAndWaitForReceiptAsync(cleared.Vault, cleared.ToWithdrawCall());
        Assert.False(receipt.Failed(), $"withdraw {receipt.TransactionHash} reverted");
    }

    private Task<BigInteger> VaultBalanceAsync(DevAccount trader) =>
        AppChain.Node.Web3For(trader).Eth.GetContractQueryHandler<VaultBalanceOfFunction>()
            .QueryAsync<BigInteger>(AppChain.Contracts.Vault, new VaultBalanceOfFunction { Account = trader.Address, Token = AppChain.Contracts.Token });

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}': {problem}");
    }
}
