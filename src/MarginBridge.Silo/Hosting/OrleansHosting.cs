using System.Net;
using Azure.Data.Tables;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Grains.Journal;
using MarginBridge.Grains.Submission;
using Microsoft.Extensions.Options;
using MarginBridge.Grains.Accounts;
using MarginBridge.Grains.Breakers;
using MarginBridge.Grains.Relaying;
using MarginBridge.Grains.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace MarginBridge.Silo.Hosting;

public static class OrleansHosting
{
    /// <summary>The silo: Azure Table clustering, grain state and reminders, the dashboard and the relayers.</summary>
    public static WebApplicationBuilder AddMarginBridgeSilo(this WebApplicationBuilder builder, SiloOptions silo)
    {
        var tables = new TableServiceClient(silo.StorageConnectionString);
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            });
            orleans.ConfigureEndpoints(IPAddress.Parse(silo.AdvertisedAddress), silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: false);
            orleans.UseAzureStorageClustering(o => o.TableServiceClient = tables);
            orleans.UseAzureTableReminderService(o => o.TableServiceClient = tables);
            orleans.AddAzureTableGrainStorage("relayers", o => o.TableServiceClient = tables);
            orleans.AddAzureTableGrainStorage("accounts", o => o.TableServiceClient = tables);
            orleans.AddAzureTableGrainStorage("transfers", o => o.TableServiceClient = tables);
            orleans.AddAzureTableGrainStorage("breakers", o => o.TableServiceClient = tables);
            orleans.AddAzureTableGrainStorage("exposure", o => o.TableServiceClient = tables);
            orleans.AddAzureTableGrainStorage("liquidations", o => o.TableServiceClient = tables);
            orleans.AddDashboard();
            orleans.AddIncomingGrainCallFilter<StaleStateFilter>();
        });
        // Grain state in Orleans' own binary format: a fraction of the JSON's size, for the silo to
        // write and for the table store to take in (every state type already carries its [Id]s).
        builder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChainConnections>();
        builder.Services.AddSingleton<SubmitterAccount>();
        builder.Services.AddSingleton<VaultGuardian>();
        builder.Services.AddHttpClient<CommitteeClient>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MarginBridgeOptions>>().Value.Committee);
        builder.Services.AddSingleton(new AuditJournal(tables));
        builder.Services.AddSingleton(new AccountTransferIndex(tables));
        builder.Services.AddHostedService<PollerStarter>();
        return builder;
    }
}
