using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Contracts;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>
/// Committee-attested liquidation instructions reach the venue through the vault, even while it is
/// paused, and settle their fee or deficit with the chain's insurance fund.
/// </summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class LiquidationTests(BridgeContractsFixture chains)
{
    [Fact]
    public async Task AttestedLiquidation_ReducesTheVenuePosition_EvenWhileTheVaultIsPaused()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.B.Accounts[2];
        var market = new byte[32];
        "ETH-PERP"u8.CopyTo(market);
        await Devnet.Deployment.BridgeWiring.SendAsync(bridge.B.Node.Web3For(trader), bridge.B.Venue, new TradeFunction { Market = market, Instrument = 0, NewSize = 10, Price = 3_000 });
        await bridge.B.SendAsync(new PauseFunction(), bridge.B.Guardian);

        var route = TestBridge.Route(bridge.A, bridge.B);
        var liquidation = new LiquidationStruct { Nonce = 1, Venue = bridge.B.Venue, Account = trader.Address, Market = market, SizeDelta = -4, Price = 2_500, Token = bridge.B.Token };
        var tree = new MerkleTree([MessageLeaf.Liquidation(route, liquidation)]);
        await bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, 1, tree));
        await bridge.B.SendAsync(new ExecuteLiquidationFunction { Route = route, BatchNumber = 1, Liquidation = liquidation, Proof = tree.Proof(0) });

        var position = await bridge.B.Node.Web3For(trader).Eth.GetContractQueryHandler<VenuePositionsFunction>()
            .QueryDeserializingToObjectAsync<VenuePositionOutput>(new VenuePositionsFunction { Account = trader.Address, Market = market }, bridge.B.Venue);
        Assert.Equal(new BigInteger(6), position.Size);
        await Reverts.With<AlreadyExecutedError>(() => bridge.B.SendAsync(new ExecuteLiquidationFunction { Route = route, BatchNumber = 1, Liquidation = liquidation, Proof = tree.Proof(0) }));
    }

    [Fact]
    public async Task LiquidationFee_MovesFromTheAccountIntoTheChainsInsuranceFund_AndADeficitIsCoveredOnlyUpToWhatTheFundHolds()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.B.Accounts[3];
        var market = new byte[32];
        "ETH-PERP"u8.CopyTo(market);
        await bridge.B.DepositAsync(trader, 300);
        await Devnet.Deployment.BridgeWiring.SendAsync(bridge.B.Node.Web3For(trader), bridge.B.Venue, new TradeFunction { Market = market, Instrument = 0, NewSize = 10, Price = 3_000 });
        var route = TestBridge.Route(bridge.A, bridge.B);
        var fundBefore = await bridge.B.InsuranceFundAsync();

        // A fee larger than the account holds on this chain takes what it holds, never more.
        var fee = await ExecuteAsync(bridge, route, 1, new LiquidationStruct { Nonce = 1, Venue = bridge.B.Venue, Account = trader.Address, Market = market, SizeDelta = -1, Price = 2_900, Token = bridge.B.Token, FundTransfer = 500 });
        Assert.Equal((new BigInteger(500), new BigInteger(300)), (fee.Requested, fee.Moved));
        Assert.Equal(BigInteger.Zero, await bridge.B.BalanceAsync(trader.Address));
        Assert.Equal(fundBefore + 300, await bridge.B.InsuranceFundAsync());

        // A deficit is paid out of the fund to the account, up to what the fund holds.
        var deficit = await ExecuteAsync(bridge, route, 2, new LiquidationStruct { Nonce = 2, Venue = bridge.B.Venue, Account = trader.Address, Market = market, SizeDelta = -1, Price = 2_000, Token = bridge.B.Token, FundTransfer = -120 });
        Assert.Equal((new BigInteger(-120), new BigInteger(-120)), (deficit.Requested, deficit.Moved));
        Assert.Equal(new BigInteger(120), await bridge.B.BalanceAsync(trader.Address));
        var drained = await ExecuteAsync(bridge, route, 3, new LiquidationStruct { Nonce = 3, Venue = bridge.B.Venue, Account = trader.Address, Market = market, SizeDelta = -1, Price = 1_000, Token = bridge.B.Token, FundTransfer = -(fundBefore + 1_000) });
        Assert.Equal(-(fundBefore + 180), drained.Moved);
        Assert.Equal(BigInteger.Zero, await bridge.B.InsuranceFundAsync());
        Assert.Equal(await bridge.B.CustodyAsync(), await bridge.B.BalanceAsync(trader.Address) + await bridge.B.LiquidityAsync());
    }

    [Fact]
    public async Task AttestedDeleverage_ClosesBothSidesAtOnePrice_OrNeitherWhenTheCounterpartyHoldsTooLittle()
    {
        var bridge = await chains.NewBridgeAsync();
        var (bankrupt, counterparty) = (chains.B.Accounts[2], chains.B.Accounts[3]);
        var market = new byte[32];
        "ETH-PERP"u8.CopyTo(market);
        await Devnet.Deployment.BridgeWiring.SendAsync(bridge.B.Node.Web3For(bankrupt), bridge.B.Venue, new TradeFunction { Market = market, Instrument = 0, NewSize = 10, Price = 3_000 });
        await Devnet.Deployment.BridgeWiring.SendAsync(bridge.B.Node.Web3For(counterparty), bridge.B.Venue, new TradeFunction { Market = market, Instrument = 0, NewSize = -3, Price = 3_000 });
        var route = TestBridge.Route(bridge.A, bridge.B);

        async Task ExecuteAsync(ulong nonce, int sizeDelta)
        {
            var deleverage = new DeleverageStruct { Nonce = nonce, Venue = bridge.B.Venue, Market = market, Account = bankrupt.Address, Counterparty = counterparty.Address, SizeDelta = sizeDelta, Price = 2_900 };
            var tree = new MerkleTree([MessageLeaf.Deleverage(route, deleverage)]);
            await bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, nonce, tree));
            await bridge.B.SendAsync(new ExecuteDeleverageFunction { Route = route, BatchNumber = nonce, Deleverage = deleverage, Proof = tree.Proof(0) });
        }

        async Task<(BigInteger, BigInteger)> SizesAsync()
        {
            var query = bridge.B.Node.Web3For(bankrupt).Eth.GetContractQueryHandler<VenuePositionsFunction>();
            var a = await query.QueryDeserializingToObjectAsync<VenuePositionOutput>(new VenuePositionsFunction { Account = bankrupt.Address, Market = market }, bridge.B.Venue);
            var b = await query.QueryDeserializingToObjectAsync<VenuePositionOutput>(new VenuePositionsFunction { Account = counterparty.Address, Market = market }, bridge.B.Venue);
            return (a.Size, b.Size);
        }

        await ExecuteAsync(1, -2);
        Assert.Equal((new BigInteger(8), new BigInteger(-1)), await SizesAsync());

        // The counterparty holds 1 short: closing 2 against it would flip it, so neither side changes.
        await Reverts.With<LiquidationIncreasesPositionError>(() => ExecuteAsync(2, -2));
        Assert.Equal((new BigInteger(8), new BigInteger(-1)), await SizesAsync());
    }

    private static async Task<LiquidationSettledEvent> ExecuteAsync(TestBridge bridge, RouteStruct route, ulong batch, LiquidationStruct liquidation)
    {
        var tree = new MerkleTree([MessageLeaf.Liquidation(route, liquidation)]);
        await bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, batch, tree));
        var receipt = await bridge.B.SendAsync(new ExecuteLiquidationFunction { Route = route, BatchNumber = batch, Liquidation = liquidation, Proof = tree.Proof(0) });
        var settled = Assert.Single(receipt.DecodeAllEvents<LiquidationSettledEvent>()).Event;
        Assert.Equal((Abstractions.Accounts.EvmAddress.Normalize(liquidation.Account), liquidation.Nonce), (Abstractions.Accounts.EvmAddress.Normalize(settled.Account), settled.Nonce));
        return settled;
    }
}
