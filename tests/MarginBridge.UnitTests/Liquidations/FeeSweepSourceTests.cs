using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Liquidations;

namespace MarginBridge.UnitTests.Liquidations;

public sealed class FeeSweepSourceTests
{
    private static readonly ChainOptions Venue = Chain(1, "0x00000000000000000000000000000000000000a1", 6);
    private static readonly ChainOptions Hub = Chain(2, "0x00000000000000000000000000000000000000a2", 6);
    private static readonly ChainOptions Zk = Chain(3, "0x00000000000000000000000000000000000000a3", 18);

    [Fact]
    public void TheFee_IsCollectedOnTheOtherChainHoldingTheMostFreeHardFinalUsdc_NeverTheVenuesChain()
    {
        // 100 USDC free on the hub; 250 on zk (18 decimals) of which 60 are being debited; 1,000 on the venue's chain itself.
        var view = View(Balance(Venue, 1_000_000_000, 0), Balance(Hub, 100_000_000, 5_000_000), Balance(Zk, 250 * BigInteger.Pow(10, 18), -60 * BigInteger.Pow(10, 18)));

        var (chain, token, amount) = FeeSweepSource.Choose([Venue, Hub, Zk], view, Venue.ChainId, 30_000_000)!.Value;

        Assert.Equal((Zk.ChainId, Zk.Tokens[0].Address), (chain.ChainId, token.Address));
        Assert.Equal(30 * BigInteger.Pow(10, 18), amount);
    }

    [Fact]
    public void AtMostWhatIsFree_IsCollected_AndNothingWhenNoOtherChainHoldsAny()
    {
        var view = View(Balance(Venue, 1_000_000_000, 0), Balance(Hub, 12_000_000, 0));

        Assert.Equal(new BigInteger(12_000_000), FeeSweepSource.Choose([Venue, Hub], view, Venue.ChainId, 30_000_000)!.Value.Amount);
        Assert.Null(FeeSweepSource.Choose([Venue, Hub], View(Balance(Venue, 1_000_000_000, 0), Balance(Hub, 0, 40_000_000)), Venue.ChainId, 30_000_000));
    }

    private static ChainOptions Chain(long id, string usdc, int decimals) =>
        new() { Name = $"chain-{id}", ChainId = id, Tokens = [new TokenOptions { Asset = "USDC", Address = usdc, Decimals = decimals }] };

    private static ChainBalance Balance(ChainOptions chain, BigInteger final, BigInteger pending) =>
        new(chain.ChainId, chain.Tokens[0].Address, "USDC", pending, final);

    private static AccountView View(params ChainBalance[] balances) =>
        new("0x00000000000000000000000000000000000000b1", balances, [], 0, 0, [], null);
}
