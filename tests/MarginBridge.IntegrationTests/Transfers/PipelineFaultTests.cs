using System.Numerics;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Contracts;
using MarginBridge.Cli.Api;
using MarginBridge.Devnet.Deployment;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Transfers;

public sealed class PipelineFaultFixture : DevnetFixture;

[CollectionDefinition(Name)]
public sealed class PipelineFaultCollection : ICollectionFixture<PipelineFaultFixture>
{
    public const string Name = "pipeline-faults";
}

/// <summary>
/// Real faults in the middle of the pipeline: committee members killed (at and below the
/// threshold), the silo SIGKILLed while transfers wait at every stage at once (and a void waits for
/// signatures), and Azurite
/// stopped for three seconds and restarted while transfers are on the way. Afterwards the
/// destinations' own events show every transfer executed exactly once, and every unit conserved.
/// </summary>
[Collection(PipelineFaultCollection.Name)]
public sealed class PipelineFaultTests(PipelineFaultFixture devnet)
{
    private static readonly BigInteger Large = BigInteger.Parse("700000000000", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CommitteeMembersAndTheSiloKilledMidPipeline_EveryTransferIsExecutedExactlyOnce()
    {
        var trader = await devnet.NewAccountAsync();
        foreach (var chain in devnet.Devnet.Chains)
        {
            await DevnetFixture.Collateral(chain, trader).MintAndDepositAsync(Large + 1_000_000);
        }

        // One member down: two of three still meet the threshold and transfers go through.
        devnet.Devnet.Signers[0].Kill();
        var atThreshold = (await TransferTestSteps.InitiateAsync(devnet.AppChain, devnet.Hub, trader, 1_000)).Id;
        var executed = await TransferTestSteps.AwaitStageAsync(devnet.Api, atThreshold, TransferStage.Executed);
        Assert.Contains("signed by 2 members", executed.Steps.Single(s => s.Stage == TransferStage.RootAttested).Detail, StringComparison.Ordinal);

        // Held at RootAccepted: the optimistic vault cannot pay a second large transfer from its liquidity.
        var paid = (await TransferTestSteps.InitiateAsync(devnet.AppChain, devnet.Optimistic, trader, Large)).Id;
        await TransferTestSteps.AwaitStageAsync(devnet.Api, paid, TransferStage.Executed);
        var shortOfLiquidity = (await TransferTestSteps.InitiateAsync(devnet.Zk, devnet.Optimistic, trader, Large)).Id;
        await TransferTestSteps.MakeHardFinalAsync(devnet.Zk);
        await AwaitHeldAsync(shortOfLiquidity, "short by");

        // Held at RootAttested: the relayer has no gas on the zk chain to submit the root.
        var submitter = devnet.Devnet.Submitter.Address;
        var zkGas = await devnet.Zk.Node.Web3For(trader).Eth.GetBalance.SendRequestAsync(submitter);
        await devnet.Zk.Node.RpcAsync<object>("anvil_setBalance", submitter, "0x0");
        var noGas = (await TransferTestSteps.InitiateAsync(devnet.AppChain, devnet.Zk, trader, 2_000)).Id;
        await TransferTestSteps.AwaitStageAsync(devnet.Api, noGas, TransferStage.RootAttested);

        // Held at Batched: a second member down leaves one signature of the two needed.
        devnet.Devnet.Signers[1].Kill();
        var belowThreshold = (await TransferTestSteps.InitiateAsync(devnet.Hub, devnet.AppChain, trader, 3_000)).Id;
        var toVoid = (await TransferTestSteps.InitiateAsync(devnet.Hub, devnet.AppChain, trader, 5_000)).Id;
        await TransferTestSteps.MakeHardFinalAsync(devnet.Hub);
        await AwaitHeldAsync(belowThreshold, "1 of the 2 committee signatures");

        // Voiding, asked while the committee is below its threshold: the void waits for signatures, and outlives the silo.
        await AwaitHeldAsync(toVoid, "1 of the 2 committee signatures");
        using (var cancelled = await devnet.Api.OperatorPostAsync($"/operator/transfers/{toVoid}/cancel", devnet.Devnet.OperatorToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, cancelled.StatusCode);
        }

        await AwaitHeldAsync(toVoid, "voiding: 1 of 2 members attested");

        // Observed only: the hub block is not hard-final yet.
        var notFinal = (await TransferTestSteps.InitiateAsync(devnet.Hub, devnet.Optimistic, trader, 4_000)).Id;
        await TransferTestSteps.AwaitStageAsync(devnet.Api, notFinal, TransferStage.Observed);

        var killed = devnet.Devnet.Silos[0];
        killed.Kill();
        devnet.UseSilo(await devnet.Devnet.ReplaceSiloAsync(killed, CancellationToken.None));
        var api = devnet.Api;

        await devnet.Devnet.RestartSignerAsync(0, CancellationToken.None);
        await devnet.Devnet.RestartSignerAsync(1, CancellationToken.None);
        await devnet.Zk.Node.RpcAsync<object>("anvil_setBalance", submitter, zkGas.HexValue);
        var admin = devnet.Devnet.Deployer;
        await DevnetFixture.Collateral(devnet.Optimistic, admin).MintAndApproveAsync(Large * 2);
        await BridgeWiring.SendAsync(devnet.Optimistic.Node.Web3For(admin), devnet.Optimistic.Contracts.Vault, new ProvideLiquidityFunction { Token = devnet.Optimistic.Contracts.Token, Amount = Large * 2 });
        await TransferTestSteps.MakeHardFinalAsync(devnet.Hub);

        string[] all = [atThreshold, paid, shortOfLiquidity, noGas, belowThreshold, notFinal];
        foreach (var id in all)
        {
            await Eventually.Until(() => TryGetAsync(api, id), t => t?.Stage == TransferStage.Executed, $"transfer {id} is executed after the silo was killed", TimeSpan.FromSeconds(150));
        }

        // The void resumes on the new silo (its reminder), and the refund crosses back once the app-chain block is final.
        var voided = await Eventually.Until(() => TryGetAsync(api, toVoid), t => t?.Stage == TransferStage.Voided, $"transfer {toVoid} is voided after the silo was killed", TimeSpan.FromSeconds(150));
        var refund = System.Text.RegularExpressions.Regex.Match(voided!.Steps[^1].Detail, "as transfer (0x[0-9a-f]{64})").Groups[1].Value;
        await TransferTestSteps.MakeHardFinalAsync(devnet.AppChain);
        await Eventually.Until(() => TryGetAsync(api, refund), t => t?.Stage == TransferStage.Executed, $"refund {refund} is executed", TimeSpan.FromSeconds(90));

        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.All(all, id => Assert.Equal(1, ledger.Executions[id]));
        Assert.All(ledger.Executions, e => Assert.Equal(1, e.Value));
        Assert.Equal((true, false, 1), (ledger.Voids.Contains(toVoid), ledger.Executions.ContainsKey(toVoid), ledger.Executions[refund]));
        Assert.Equal(ledger.Locked, ledger.Executed + ledger.Voided + ledger.InFlight);
        Assert.Equal(BigInteger.Zero, ledger.InFlight);
    }

    [Fact]
    public async Task AzuriteRestartedMidPipeline_EveryTransferIsExecutedExactlyOnce()
    {
        var trader = await devnet.NewAccountAsync();
        foreach (var chain in devnet.Devnet.Chains)
        {
            await DevnetFixture.DepositAsync(chain, trader, 1_000_000);
        }

        var before = new List<string>();
        foreach (var (source, destination) in new[] { (devnet.AppChain, devnet.Hub), (devnet.AppChain, devnet.Optimistic), (devnet.Optimistic, devnet.AppChain), (devnet.Zk, devnet.Hub) })
        {
            before.Add((await TransferTestSteps.InitiateAsync(source, destination, trader, 1_000 + before.Count)).Id);
        }

        await TransferTestSteps.MakeHardFinalAsync(devnet.Optimistic);
        await TransferTestSteps.MakeHardFinalAsync(devnet.Zk);
        await Eventually.Until(() => devnet.Api.FindTransferAsync(before[0]), t => t?.BatchNumber is not null, "the pipeline has batched the first transfer (it may be further along already)");

        // Down for three seconds while the pipeline works: relayers, routes and transfers all write state.
        var restart = devnet.Devnet.Azurite.RestartAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        var during = new List<string>();
        foreach (var (source, destination) in new[] { (devnet.AppChain, devnet.Zk), (devnet.Hub, devnet.AppChain) })
        {
            during.Add((await TransferTestSteps.InitiateAsync(source, destination, trader, 2_000 + during.Count)).Id);
        }

        await restart;
        await TransferTestSteps.MakeHardFinalAsync(devnet.Hub);
        string[] all = [.. before, .. during];
        foreach (var id in all)
        {
            await Eventually.Until(() => TryGetAsync(devnet.Api, id), t => t?.Stage == TransferStage.Executed, $"transfer {id} is executed after Azurite restarted", TimeSpan.FromSeconds(120));
        }

        var ledger = await BridgeLedger.ReadAsync(devnet.Devnet.Chains);
        Assert.All(all, id => Assert.Equal(1, ledger.Executions[id]));
        Assert.All(ledger.Executions, e => Assert.Equal(1, e.Value));
        Assert.Equal(ledger.Locked, ledger.Executed + ledger.Voided + ledger.InFlight);
    }

    private async Task AwaitHeldAsync(string id, string reason) =>
        await Eventually.Until(() => devnet.Api.FindTransferAsync(id), t => t?.Stage == TransferStage.Held && t.HeldReason!.Contains(reason, StringComparison.Ordinal), $"transfer {id} is held: {reason}");

    private static async Task<TransferResponse?> TryGetAsync(BridgeApi api, string id)
    {
        try
        {
            return await api.FindTransferAsync(id);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ApiProblemException { Status: 503 })
        {
            return null;
        }
    }
}
