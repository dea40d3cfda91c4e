using MarginBridge.Abstractions.Accounts;
using MarginBridge.IntegrationTests.Infrastructure;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Accounts;

/// <summary>Deposit updates delivered again (a relayer that crashed before saving its cursor) change nothing.</summary>
[Collection(DevnetCollection.Name)]
public sealed class IdempotencyTests(DevnetFixture devnet)
{
    private static Deposit NewDeposit(string account, string blockHash) => new(
        ChainId: 31001, Nonce: 424242, Account: account, Token: "0x00000000000000000000000000000000000000aa",
        Amount: 1_000_000, BlockNumber: 9_000, BlockHash: blockHash, TransactionHash: "0xtx", LogIndex: 0);

    [Fact]
    public async Task SameDepositDeliveredTwice_CreditsOnce()
    {
        var address = EvmAddress.Normalize(EthECKey.GenerateKey().GetPublicAddress());
        var grain = (await devnet.ClusterClientAsync()).GetGrain<IAccountMarginGrain>(address);
        var deposit = NewDeposit(address, "0xaaaa");

        await grain.Apply([new ChainEventUpdate(FinalityChange.Observed, deposit)]);
        await grain.Apply([new ChainEventUpdate(FinalityChange.Observed, deposit)]);
        var pending = await grain.GetView();
        Assert.Equal(1, pending.Deposits);
        Assert.Equal(1_000_000, Assert.Single(pending.Balances).Pending);

        await grain.Apply([new ChainEventUpdate(FinalityChange.HardFinal, deposit), new ChainEventUpdate(FinalityChange.HardFinal, deposit)]);
        var final = Assert.Single((await grain.GetView()).Balances);
        Assert.Equal((0, 1_000_000), (final.Pending, final.Final));
    }

    [Fact]
    public async Task StaleRevocation_DoesNotRemoveTheDepositReobservedInItsNewBlock()
    {
        var address = EvmAddress.Normalize(EthECKey.GenerateKey().GetPublicAddress());
        var grain = (await devnet.ClusterClientAsync()).GetGrain<IAccountMarginGrain>(address);
        var original = NewDeposit(address, "0xaaaa");
        var reincluded = original with { BlockHash = "0xbbbb", BlockNumber = 9_001 };

        await grain.Apply([new ChainEventUpdate(FinalityChange.Observed, original), new ChainEventUpdate(FinalityChange.Revoked, original), new ChainEventUpdate(FinalityChange.Observed, reincluded)]);
        await grain.Apply([new ChainEventUpdate(FinalityChange.Revoked, original)]);

        var view = await grain.GetView();
        Assert.Equal(1, view.Deposits);
        Assert.Equal(1, view.RevokedDeposits);
        Assert.Equal(1_000_000, Assert.Single(view.Balances).Pending);
    }
}
