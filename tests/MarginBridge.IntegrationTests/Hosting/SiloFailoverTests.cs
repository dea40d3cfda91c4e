using MarginBridge.Abstractions.Accounts;
using MarginBridge.Cli.Api;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Hosting;

public sealed class TwoSiloFixture : DevnetFixture
{
    protected override int SiloCount => 2;
}

[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloFixture>
{
    public const string Name = "two-silos";
}

[Collection(TwoSiloCollection.Name)]
public sealed class SiloFailoverTests(TwoSiloFixture devnet)
{
    [Fact]
    public async Task KillingTheSiloThatHostsAnAccount_LosesNothing_TheGrainComesBackOnTheOtherSilo()
    {
        var account = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.AppChain, account, 500);
        await DevnetFixture.DepositAsync(devnet.Hub, account, 300);
        var before = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 2, "both deposits are credited");

        var client = await devnet.ClusterClientAsync();
        var grainId = client.GetGrain<IAccountMarginGrain>(EvmAddress.Normalize(account.Address)).GetGrainId();
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var host = statistics.Single(s => s.GrainId == grainId).SiloAddress;
        var victim = devnet.Devnet.Silos.Single(s => s.SiloPort == host.Endpoint.Port);
        var survivor = devnet.Devnet.Silos.Single(s => s != victim);

        victim.Kill();
        await devnet.Devnet.RemoveSiloAsync(victim);
        using var api = new BridgeApi(survivor.HttpUrl);
        var after = await Eventually.Until(
            () => TryAsync(() => api.AccountAsync(account.Address)),
            a => a is not null,
            "the account answers from the surviving silo",
            TimeSpan.FromSeconds(120));
        Assert.Equal(before.Balances, after!.Balances);

        // Relaying goes on from the survivor: a new deposit is credited, the old ones exactly once.
        await DevnetFixture.DepositAsync(devnet.AppChain, account, 7);
        var final = await Eventually.Until(() => api.AccountAsync(account.Address), a => a.Deposits == 3, "the new deposit is credited", TimeSpan.FromSeconds(120));
        Assert.Equal((0, 507), final.On(devnet.AppChain.Options.ChainId));
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ApiProblemException { Status: 503 })
        {
            return null;
        }
    }
}
