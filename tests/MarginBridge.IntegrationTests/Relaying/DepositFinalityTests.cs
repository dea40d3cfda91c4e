using MarginBridge.Silo.Api;
using MarginBridge.Devnet;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Relaying;

/// <summary>Deposits on each layer kind move from pending to final by that kind's rule, in chain blocks and chain time.</summary>
[Collection(DevnetCollection.Name)]
public sealed class DepositFinalityTests(DevnetFixture devnet)
{
    private async Task DepositAndAwaitCreditAsync(DevnetChain chain, Devnet.Processes.DevAccount account, long amount)
    {
        await DevnetFixture.DepositAsync(chain, account, amount);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 1, "the deposit is credited");
    }

    /// <summary>Waits until the relayer has scanned the chain's head, then for one more complete poll after that.</summary>
    private async Task AwaitScannedAsync(DevnetChain chain)
    {
        var head = (long)(await chain.Node.Web3For(chain.Node.Accounts[0]).Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        await Eventually.Until(() => devnet.Api.ChainAsync(chain.Options.ChainId), s => s.ScannedHeight >= head, $"the {chain.Options.Name} relayer has scanned block {head}");
        var scannedAt = DateTimeOffset.UtcNow;
        await Eventually.Until(() => devnet.Api.ChainAsync(chain.Options.ChainId), s => s.LastPollAt > scannedAt, $"the {chain.Options.Name} relayer has completed another poll");
    }

    [Fact]
    public async Task L1Deposit_StaysPendingUntilItsConfirmations_ThenTurnsFinal()
    {
        var account = await devnet.NewAccountAsync();
        var chain = devnet.Hub;
        var collateral = DevnetFixture.Collateral(chain, account);
        await collateral.MintAndApproveAsync(100_000_000);
        await using var blocks = await HeldBlocks.HoldAsync(chain);
        await blocks.DepositAsync(collateral, account.Address, 100_000_000);
        var view = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 1, "the deposit is credited");
        Assert.Equal((100_000_000, 0), view.On(chain.Options.ChainId));

        await DevnetFixture.MineAsync(chain, 1);
        await AwaitScannedAsync(chain);
        Assert.Equal((100_000_000, 0), (await devnet.Api.AccountAsync(account.Address)).On(chain.Options.ChainId));

        await DevnetFixture.MineAsync(chain, 1);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chain.Options.ChainId) == (0, 100_000_000), "the third confirmation makes it final");
    }

    /// <summary>Optimistic: 20 s challenge window; ZkRollup: 10 s proof delay (orleans-config/devnet.json).</summary>
    [Theory]
    [InlineData("optimistic", 12, 10)]
    [InlineData("zk", 4, 8)]
    public async Task TimeFinalizedDeposit_StaysPendingInsideItsWindow_ThenTurnsFinal(string chainName, int insideWindow, int pastWindow)
    {
        var account = await devnet.NewAccountAsync();
        var chain = devnet.Devnet.Chain(chainName);
        await DepositAndAwaitCreditAsync(chain, account, 7_000_000);

        await DevnetFixture.AdvanceChainTimeAsync(chain, insideWindow);
        await AwaitScannedAsync(chain);
        Assert.Equal((7_000_000, 0), (await devnet.Api.AccountAsync(account.Address)).On(chain.Options.ChainId));

        await DevnetFixture.AdvanceChainTimeAsync(chain, pastWindow);
        await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chain.Options.ChainId) == (0, 7_000_000), "the window has elapsed in chain time");
    }

    [Fact]
    public async Task AppChainDeposit_IsFinalInTheBlockThatIncludesIt()
    {
        var account = await devnet.NewAccountAsync();
        var chain = devnet.AppChain;
        await DevnetFixture.DepositAsync(chain, account, 5_000_000);
        var view = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.On(chain.Options.ChainId).Final == 5_000_000, "the deposit is final");
        Assert.Equal(0, view.On(chain.Options.ChainId).Pending);
    }

    [Fact]
    public async Task DepositsOnThreeChains_AddUpInOneAccount()
    {
        var account = await devnet.NewAccountAsync();
        var hub = DevnetFixture.Collateral(devnet.Hub, account);
        await hub.MintAndApproveAsync(25_000_000_000);
        await using var blocks = await HeldBlocks.HoldAsync(devnet.Hub);
        await Task.WhenAll(
            blocks.DepositAsync(hub, account.Address, 25_000_000_000),
            DevnetFixture.DepositAsync(devnet.Optimistic, account, 10_000_000_000),
            DevnetFixture.DepositAsync(devnet.AppChain, account, 5_000_000_000));
        var view = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 3, "three deposits are credited");

        var total = Assert.Single(view.Totals);
        Assert.Equal("USDC", total.Asset);
        Assert.Equal(6, total.Decimals);
        Assert.Equal("35000000000", total.Pending);
        Assert.Equal("5000000000", total.Final);
        Assert.Equal("40000000000", total.Total);
        Assert.Equal(["hub", "optimistic", "appchain"], view.Balances.Select(b => b.Chain));

        // One margin account: pending L1 counts 90 %, pending optimistic 50 %, the final app-chain deposit in full (USDC at par).
        var margin = Assert.IsType<SimulationResponse>(view.Margin);
        Assert.Equal("32500.000000", margin.CollateralValue);
        Assert.Equal("27500.000000", margin.PendingCollateralValue);
        Assert.Equal("32500.000000", margin.Equity);
        Assert.Equal("0.000000", margin.MaintenanceRequirement);
        Assert.Empty(view.NotCounted);
    }
}
