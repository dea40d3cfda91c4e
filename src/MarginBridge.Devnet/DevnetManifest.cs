using System.Text.Json;
using MarginBridge.Devnet.Deployment;

namespace MarginBridge.Devnet;

/// <summary>
/// <c>devnet.json</c>: everything a script, <c>cast</c> or an integrator needs to drive the devnet.
/// It holds only the devnet's throw-away test keys; the storage key is Azurite's public dev key and is left out anyway.
/// </summary>
public static class DevnetManifest
{
    public static async Task WriteAsync(Devnet devnet, CancellationToken cancellationToken)
    {
        var api = devnet.Silos.Select(s => s.HttpUrl).ToList();
        var accounts = devnet.Chains[0].Node.Accounts;
        var manifest = new
        {
            Api = new { Urls = api, OpenApi = api.Select(u => $"{u}/openapi/v1.json"), Dashboard = api.Select(u => $"{u}/dashboard") },
            Storage = new { TableEndpoint = $"http://127.0.0.1:{devnet.Azurite.Port}/devstoreaccount1", Account = "devstoreaccount1", Key = "Azurite's well-known development key" },
            Chains = devnet.Chains.Select(c => new
            {
                c.Options.Name,
                Kind = c.Options.Kind.ToString(),
                c.Options.ChainId,
                RpcUrl = c.Node.RpcUrl,
                c.BlockTimeSeconds,
                c.Options.Finality,
                Contracts = new { MarginVault = c.Contracts.Vault, CollateralToken = c.Contracts.Token, ReferenceVenue = c.Contracts.Venue, DeployedAtBlock = c.Contracts.VaultBlock },
                Collateral = c.Options.Tokens,
            }),
            PriceFeeds = devnet.PriceFeeds.Select(f => new { f.Asset, f.ChainId, f.Address, DevnetPriceFeed.Decimals, Feeder = f.Feeder.Address }),
            Operator = new { Name = "devnet-operator", TokenFile = devnet.OperatorTokenPath, Header = "Authorization: Bearer <token>" },
            Committee = new { devnet.Committee.Members, devnet.Committee.Threshold, devnet.Committee.KeyFiles, Signers = devnet.Signers.Select(s => s.HttpUrl), Mode = "quorum on every route" },
            Accounts = accounts.Select((a, i) => new { Role = i switch { 0 => "deployer and vault admin", 1 => "market-maker", 5 => "vault guardian", _ => "funded" }, a.Address, a.PrivateKey }),
            Note = "Test keys of this local devnet only; they hold nothing anywhere else.",
        };
        await File.WriteAllTextAsync(devnet.ManifestPath, JsonSerializer.Serialize(manifest, DevnetProfile.Json), cancellationToken);
    }
}
