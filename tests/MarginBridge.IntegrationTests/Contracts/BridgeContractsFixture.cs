using System.Security.Cryptography;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Two anvil chains (one block per transaction). Each test deploys and wires its own bridge on them.</summary>
public sealed class BridgeContractsFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "marginbridge-contracts", Guid.NewGuid().ToString("N"));

    public AnvilNode A { get; private set; } = null!;

    public AnvilNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await RepositoryLayout.EnsureToolsAsync(CancellationToken.None);
        Directory.CreateDirectory(_data);
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        A = await AnvilNode.StartAsync(41001, null, seed, _data, CancellationToken.None);
        B = await AnvilNode.StartAsync(41002, null, seed, _data, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    public Task<TestBridge> NewBridgeAsync(int committeeSize = 3, byte threshold = 2) => TestBridge.DeployAsync(A, B, committeeSize, threshold);
}

[CollectionDefinition(Name)]
public sealed class BridgeContractsCollection : ICollectionFixture<BridgeContractsFixture>
{
    public const string Name = "bridge-contracts";
}
