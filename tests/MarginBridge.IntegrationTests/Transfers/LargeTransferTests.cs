using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>A single transfer above its asset's size limit waits the extra delay, saying so, then goes on (DESIGN §4).</summary>
[Collection(DevnetCollection.Name)]
public sealed class LargeTransferTests(DevnetFixture devnet)
{
    [Fact]
    public async Task TransferAboveTheSizeLimit_WaitsTheExtraDelay_ThenIsExecuted()
    {
        // The test fixture: USDC transfers above 700,000 wait 3 s more.
        var (source, destination) = (devnet.Zk, devnet.AppChain);
        var trader = await devnet.NewAccountAsync();
        var amount = new BigInteger(750_000_000_000);
        await DevnetFixture.Collateral(source, trader).MintAndDepositAsync(amount);
        var (id, _) = await TransferTestSteps.InitiateAsync(source, destination, trader, amount);
        await TransferTestSteps.MakeHardFinalAsync(source);

        var held = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Held);
        Assert.Contains("larger than the 700000 USDC", held.HeldReason, StringComparison.Ordinal);
        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, id, TransferStage.Executed);
        var hardFinal = executed.Steps.First(s => s.Stage == TransferStage.SourceHardFinal).At;
        var batched = executed.Steps.First(s => s.Stage == TransferStage.Batched).At;
        Assert.True(batched - hardFinal >= TimeSpan.FromSeconds(3), $"batched {batched - hardFinal} after it was hard-final");
    }
}
