using System.Text.Json;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace MarginBridge.Devnet.Processes;

/// <summary>One anvil chain on loopback. Its dev accounts come from a seed shared by the devnet's chains.</summary>
public sealed class AnvilNode : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AnvilNode(ChildProcess process, long chainId, int port, IReadOnlyList<DevAccount> accounts)
    {
        _process = process;
        ChainId = chainId;
        Port = port;
        Accounts = accounts;
    }

    public long ChainId { get; }

    public int Port { get; }

    public string RpcUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Funded dev accounts (test keys of this devnet only).</summary>
    public IReadOnlyList<DevAccount> Accounts { get; }

    public ChildProcess Process => _process;

    /// <param name="blockTimeSeconds">Seconds between blocks, or null to mine one block per transaction.</param>
    /// <param name="accountSeed">Seed of the dev accounts; the same seed gives the same accounts on every chain.</param>
    public static async Task<AnvilNode> StartAsync(long chainId, int? blockTimeSeconds, ulong accountSeed, string dataDirectory, CancellationToken cancellationToken, int? port = null)
    {
        var listenPort = port ?? FreePort.Next();
        var configOut = Path.Combine(dataDirectory, $"anvil-{chainId}.accounts.json");
        File.Delete(configOut);
        var arguments = new List<string>
        {
            "--host", "127.0.0.1", "--port", listenPort.ToString(), "--chain-id", chainId.ToString(),
            "--accounts", "10", "--balance", "1000000", "--mnemonic-seed-unsafe", accountSeed.ToString(),
            "--config-out", configOut, "--silent",
        };
        if (blockTimeSeconds is { } seconds)
        {
            arguments.AddRange(["--block-time", seconds.ToString()]);
        }

        var process = ChildProcess.Start($"anvil-{chainId}", RepositoryLayout.AnvilPath, arguments, Path.Combine(dataDirectory, "logs", $"anvil-{chainId}.log"));
        try
        {
            await FreePort.WaitUntilListeningAsync(listenPort, () => process.HasExited, TimeSpan.FromSeconds(30), cancellationToken);
            return new AnvilNode(process, chainId, listenPort, await ReadAccountsAsync(configOut, cancellationToken));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public Web3 Web3For(DevAccount account) => new(new Account(account.PrivateKey, ChainId), new RpcClient(new Uri(RpcUrl)));

    /// <summary>Calls an anvil/eth JSON-RPC method directly (mining, snapshots, reorgs).</summary>
    public Task<T> RpcAsync<T>(string method, params object[] parameters) =>
        new RpcClient(new Uri(RpcUrl)).SendRequestAsync<T>(method, null, parameters);

    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>anvil may open its port before it has written --config-out: wait for a complete file.</summary>
    private static async Task<List<DevAccount>> ReadAccountsAsync(string configOut, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(configOut, cancellationToken));
                var addresses = json.RootElement.GetProperty("available_accounts").EnumerateArray().Select(a => a.GetString()!).ToList();
                var keys = json.RootElement.GetProperty("private_keys").EnumerateArray().Select(k => k.GetString()!).ToList();
                File.Delete(configOut);
                return [.. addresses.Zip(keys, (address, key) => new DevAccount(address, key))];
            }
            catch (Exception e) when (e is FileNotFoundException or JsonException or KeyNotFoundException && attempt < 200)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}

/// <summary>A funded account of the local devnet. Its key is a throw-away test key, never a real one.</summary>
public sealed record DevAccount(string Address, string PrivateKey);
