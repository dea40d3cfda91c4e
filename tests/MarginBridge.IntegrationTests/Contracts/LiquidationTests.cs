using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Committee-attested liquidation instructions reach the venue through the vault, even while it is paused.</summary>
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
        var liquidation = new LiquidationStruct { Nonce = 1, Venue = bridge.B.Venue, Account = trader.Address, Market = market, SizeDelta = -4, Price = 2_500 };
        var tree = new MerkleTree([MessageLeaf.Liquidation(route, liquidation)]);
        await bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, 1, tree));
        await bridge.B.SendAsync(new ExecuteLiquidationFunction { Route = route, BatchNumber = 1, Liquidation = liquidation, Proof = tree.Proof(0) });

        var position = await bridge.B.Node.Web3For(trader).Eth.GetContractQueryHandler<VenuePositionsFunction>()
            .QueryDeserializingToObjectAsync<VenuePositionOutput>(new VenuePositionsFunction { Account = trader.Address, Market = market }, bridge.B.Venue);
        Assert.Equal(new BigInteger(6), position.Size);
        await Reverts.With<AlreadyExecutedError>(() => bridge.B.SendAsync(new ExecuteLiquidationFunction { Route = route, BatchNumber = 1, Liquidation = liquidation, Proof = tree.Proof(0) }));
    }

}
