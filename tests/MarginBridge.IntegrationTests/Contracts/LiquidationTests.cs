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
        var reader = new Chains.Rpc.ChainReader(new Chains.Rpc.RpcEndpointPool(new Chains.Configuration.ChainOptions { Name = "b", RpcUrls = [bridge.B.Node.RpcUrl] }, new(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var head = await reader.GetHeadAsync(CancellationToken.None);
        var found = Assert.Single(await reader.GetLiquidationSettlementsAsync(bridge.B.Vault, trader.Address, 1, 0, head.Number, CancellationToken.None));
        Assert.Equal(new BigInteger(300), found.Event.Moved);
        Assert.Empty(await reader.GetLiquidationSettlementsAsync(bridge.B.Vault, trader.Address, 2, 0, head.Number, CancellationToken.None));
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

    [Fact]
    public async Task FeeSweep_CarriesAnUnpaidLiquidationFeeFromAnotherChain_IntoTheVenueChainsFund_OncePerLiquidation()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[3];
        await bridge.A.DepositAsync(trader, 1_000);
        var route = TestBridge.Route(bridge.B, bridge.A);
        var fundBefore = await bridge.B.InsuranceFundAsync();
        var sweep = new FeeSweepStruct { Nonce = 1, Account = trader.Address, Token = bridge.A.Token, Amount = 400, LiquidationChainId = (ulong)bridge.B.Node.ChainId, LiquidationNonce = 7 };

        var receipt = await SweepAsync(bridge, route, sweep);
        var swept = Assert.Single(receipt.DecodeAllEvents<FeeSweptEvent>()).Event;
        var sent = Assert.Single(receipt.DecodeAllEvents<TransferInitiatedEvent>()).Event;
        Assert.Equal((new BigInteger(400), new BigInteger(400), sent.Nonce), (swept.Requested, swept.Moved, swept.TransferNonce));
        Assert.Equal((bridge.B.Vault.ToLowerInvariant(), new BigInteger(400)), (sent.Recipient.ToLowerInvariant(), sent.Amount));
        Assert.Equal(new BigInteger(600), await bridge.A.BalanceAsync(trader.Address));

        // The transfer pipeline delivers it like any other; a transfer to the vault itself credits its fund.
        var transfer = TestBridge.Transfer(bridge.B, sent.Nonce, bridge.B.Vault, 400);
        var batch = await bridge.AcceptedBatchAsync(bridge.A, bridge.B, 1, [transfer]);
        await bridge.B.SendAsync(new ExecuteTransferFunction { Route = batch.Route, BatchNumber = 1, Transfer = transfer, Proof = batch.Tree.Proof(0) });
        Assert.Equal(fundBefore + 400, await bridge.B.InsuranceFundAsync());
        Assert.Equal(BigInteger.Zero, await bridge.B.BalanceAsync(bridge.B.Vault));
        Assert.Equal(await bridge.B.CustodyAsync(), await bridge.B.LiquidityAsync() + await bridge.B.InsuranceFundAsync());

        // A second sweep for the same liquidation is refused, even under a new instruction nonce.
        await Reverts.With<FeeAlreadySweptError>(() => SweepAsync(bridge, route, new FeeSweepStruct { Nonce = 2, Account = trader.Address, Token = bridge.A.Token, Amount = 400, LiquidationChainId = sweep.LiquidationChainId, LiquidationNonce = 7 }));
        Assert.Equal(new BigInteger(600), await bridge.A.BalanceAsync(trader.Address));

        // A sweep larger than the account holds takes what it holds, never more.
        var rest = await SweepAsync(bridge, route, new FeeSweepStruct { Nonce = 3, Account = trader.Address, Token = bridge.A.Token, Amount = 5_000, LiquidationChainId = sweep.LiquidationChainId, LiquidationNonce = 8 });
        Assert.Equal(new BigInteger(600), Assert.Single(rest.DecodeAllEvents<FeeSweptEvent>()).Event.Moved);
        Assert.Equal(BigInteger.Zero, await bridge.A.BalanceAsync(trader.Address));
    }

    private static async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> SweepAsync(TestBridge bridge, RouteStruct route, FeeSweepStruct sweep)
    {
        var tree = new MerkleTree([MessageLeaf.FeeSweep(route, sweep)]);
        await bridge.A.SendAsync(bridge.RootSubmission(bridge.A, route, sweep.Nonce, tree));
        return await bridge.A.SendAsync(new ExecuteFeeSweepFunction { Route = route, BatchNumber = sweep.Nonce, Sweep = sweep, Proof = tree.Proof(0) });
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
