using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Grains.Routing;

namespace MarginBridge.UnitTests.Routing;

public sealed class LiquidityPlanTests
{
    private const string Usdc = "0x00000000000000000000000000000000000000aa";
    private const string Weth = "0x00000000000000000000000000000000000000bb";

    private static (int, TransferMessage) Pending(int leaf, string token, long amount) =>
        (leaf, new TransferMessage($"0x{leaf:x64}", 1, "0xs", 2, "0xd", (ulong)leaf, "0xa", token, token, "0xr", amount, 1, "0xh", "0xtx", leaf));

    [Fact]
    public void EverythingTheLiquidityCovers_IsPayable()
    {
        var plan = LiquidityPlan.Plan([Pending(0, Usdc, 40), Pending(1, Usdc, 60)], new Dictionary<string, BigInteger> { [Usdc] = 100 });
        Assert.Equal([0, 1], plan.Payable);
        Assert.Null(plan.Shortfall);
    }

    [Fact]
    public void ATransferThatDoesNotFit_WaitsWithEveryOneBehindIt_SayingByHowMuch()
    {
        var plan = LiquidityPlan.Plan([Pending(0, Usdc, 40), Pending(1, Usdc, 90), Pending(2, Usdc, 1)], new Dictionary<string, BigInteger> { [Usdc] = 100 });
        Assert.Equal([0], plan.Payable);
        Assert.Contains("short by 30 base units", plan.Shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public void EachToken_IsCoveredByItsOwnLiquidity()
    {
        var plan = LiquidityPlan.Plan([Pending(0, Usdc, 100), Pending(1, Weth, 1)], new Dictionary<string, BigInteger> { [Usdc] = 100 });
        Assert.Equal([0], plan.Payable);
        Assert.Contains(Weth, plan.Shortfall, StringComparison.Ordinal);
    }
}
