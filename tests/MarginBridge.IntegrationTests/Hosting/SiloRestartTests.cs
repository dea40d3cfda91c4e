using Azure.Data.Tables;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Hosting;

public sealed class RestartFixture : DevnetFixture;

[CollectionDefinition(Name)]
public sealed class RestartCollection : ICollectionFixture<RestartFixture>
{
    public const string Name = "restart";
}

[Collection(RestartCollection.Name)]
public sealed class SiloRestartTests(RestartFixture devnet)
{
    [Fact]
    public async Task SiloStoppedAndStartedAgain_KeepsAccountsAndRelayerCursorsFromAzurite()
    {
        var account = await devnet.NewAccountAsync();
        await DevnetFixture.DepositAsync(devnet.Hub, account, 11);
        await DevnetFixture.DepositAsync(devnet.AppChain, account, 22);
        var before = await Eventually.Until(() => devnet.Api.AccountAsync(account.Address), a => a.Deposits == 2, "both deposits are credited");
        var hubBefore = await devnet.Api.ChainAsync(devnet.Hub.Options.ChainId);

        var tables = new TableServiceClient(devnet.Devnet.Azurite.ConnectionString);
        var stored = tables.GetTableClient("OrleansGrainState").QueryAsync<TableEntity>(maxPerPage: 1000);
        var keys = new List<string>();
        await foreach (var entity in stored)
        {
            keys.Add(entity.PartitionKey + "/" + entity.RowKey);
        }

        Assert.Contains(keys, k => k.Contains(account.Address[2..].ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains("relayer", StringComparison.OrdinalIgnoreCase));

        var silo = devnet.Devnet.Silos[0];
        await silo.StopAsync();
        await devnet.Devnet.RemoveSiloAsync(silo);
        var restarted = await devnet.Devnet.StartSiloAsync(CancellationToken.None);
        using var api = new BridgeApi(restarted.HttpUrl);

        var after = await api.AccountAsync(account.Address);
        Assert.Equal(before.Balances, after.Balances);
        var hubAfter = await api.ChainAsync(devnet.Hub.Options.ChainId);
        Assert.True(hubAfter.ScannedHeight >= hubBefore.ScannedHeight, $"cursor {hubAfter.ScannedHeight} resumed at or after {hubBefore.ScannedHeight}");

        // The relayer resumed by itself: the pending hub deposit turns final as blocks come.
        await DevnetFixture.MineAsync(devnet.Hub, 2);
        await Eventually.Until(() => api.AccountAsync(account.Address), a => a.On(devnet.Hub.Options.ChainId) == (0, 11), "the relayer resumed and finalised the hub deposit");
        Assert.Equal(2, (await api.AccountAsync(account.Address)).Deposits);
    }
}
