using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Grains.Accounts;

namespace MarginBridge.UnitTests.Accounts;

public sealed class EventLedgerTests
{
    private const string Account = "0x00000000000000000000000000000000000000aa";
    private const string Token = "0x00000000000000000000000000000000000000cc";

    private static Deposit DepositAt(long block, BigInteger amount, ulong nonce = 0, long chainId = 1) =>
        new(chainId, nonce == 0 ? (ulong)block : nonce, Account, Token, amount, block, $"0x{block:x}", "0xtx", 0);

    private static Withdrawal WithdrawalAt(long block, BigInteger amount, ulong clearance) =>
        new(1, clearance, Account, Token, amount, block, $"0x{block:x}", "0xtx", 1);

    private static (BigInteger Pending, BigInteger Final) Balance(EventLedger ledger) => (
        ledger.Entries().Where(e => !e.HardFinal).Aggregate(BigInteger.Zero, (s, e) => s + e.Amount),
        ledger.Entries().Where(e => e.HardFinal).Aggregate(BigInteger.Zero, (s, e) => s + e.Amount));

    [Fact]
    public void HardFinalDeposits_AreFoldedIntoOneTotal_SoTheLedgerDoesNotGrowWithThem()
    {
        var ledger = new EventLedger();
        for (var block = 1; block <= 50; block++)
        {
            Assert.Equal(LedgerChange.Applied, ledger.Apply(FinalityChange.Observed, DepositAt(block, 10)));
            Assert.Equal(LedgerChange.Applied, ledger.Apply(FinalityChange.HardFinal, DepositAt(block, 10)));
        }

        Assert.Empty(ledger.Open);
        Assert.Single(ledger.Folded);
        Assert.Equal((BigInteger.Zero, new BigInteger(500)), Balance(ledger));
        Assert.Equal(50, ledger.Deposits);
    }

    [Fact]
    public void AFoldedDepositDeliveredAgain_ByARelayerRestartedFromAnOlderCursor_CountsOnce()
    {
        var ledger = new EventLedger();
        ledger.Apply(FinalityChange.Observed, DepositAt(5, 100));
        ledger.Apply(FinalityChange.HardFinal, DepositAt(5, 100));

        Assert.Equal(LedgerChange.None, ledger.Apply(FinalityChange.Observed, DepositAt(5, 100)));
        Assert.Equal(LedgerChange.None, ledger.Apply(FinalityChange.HardFinal, DepositAt(5, 100)));
        Assert.Equal((BigInteger.Zero, new BigInteger(100)), Balance(ledger));
        Assert.Equal(1, ledger.Deposits);
    }

    [Fact]
    public void PendingDeposits_StayOpen_AndAReorgTakesThemBack_WhileAnotherChainIsUntouched()
    {
        var ledger = new EventLedger();
        ledger.Apply(FinalityChange.Observed, DepositAt(5, 100));
        ledger.Apply(FinalityChange.HardFinal, DepositAt(5, 100));
        ledger.Apply(FinalityChange.Observed, DepositAt(3, 7, chainId: 2));
        ledger.Apply(FinalityChange.Observed, DepositAt(9, 40));
        Assert.Equal((new BigInteger(47), new BigInteger(100)), Balance(ledger));

        Assert.Equal(LedgerChange.Applied, ledger.Apply(FinalityChange.Revoked, DepositAt(9, 40)));
        Assert.Equal((new BigInteger(7), new BigInteger(100)), Balance(ledger));
        Assert.Equal(1, ledger.RevokedDeposits);
    }

    [Fact]
    public void Withdrawals_AreKept_SoAPaidClearanceIsKnown_AndAReorgCannotTakeBackAFinalOne()
    {
        var ledger = new EventLedger();
        ledger.Apply(FinalityChange.Observed, DepositAt(1, 100));
        ledger.Apply(FinalityChange.HardFinal, DepositAt(1, 100));
        ledger.Apply(FinalityChange.Observed, WithdrawalAt(4, 30, clearance: 7));
        ledger.Apply(FinalityChange.HardFinal, WithdrawalAt(4, 30, clearance: 7));

        Assert.True(ledger.Holds(WithdrawalAt(4, 30, clearance: 7).Key));
        Assert.Equal((BigInteger.Zero, new BigInteger(70)), Balance(ledger));
        Assert.Equal(LedgerChange.FinalEventRevoked, ledger.Apply(FinalityChange.Revoked, WithdrawalAt(4, 30, clearance: 7)));
        Assert.Equal((BigInteger.Zero, new BigInteger(70)), Balance(ledger));
    }
}
