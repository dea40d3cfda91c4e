using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>
/// Turns a chain's automine off for the duration of a test, so only the test adds blocks: the
/// relayer's own transactions (roots and executions of earlier tests' transfers) wait in the pool
/// and ride in the test's blocks instead of confirming a deposit behind its back.
/// </summary>
public sealed class HeldBlocks : IAsyncDisposable
{
    private readonly DevnetChain _chain;

    private HeldBlocks(DevnetChain chain) => _chain = chain;

    public static async Task<HeldBlocks> HoldAsync(DevnetChain chain)
    {
        await chain.Node.RpcAsync<object>("evm_setAutomine", false);
        return new HeldBlocks(chain);
    }

    /// <summary>Deposits in exactly one block.</summary>
    public async Task<TransactionReceipt> DepositAsync(CollateralClient collateral, string from, long amount)
    {
        var deposit = collateral.DepositAsync(amount);
        await MineWhenPooledAsync(from);
        return await deposit;
    }

    /// <summary>Waits until a transaction from <paramref name="from"/> is in the pool, then mines one block.</summary>
    public async Task MineWhenPooledAsync(string from)
    {
        await Eventually.Until(
            () => _chain.Node.RpcAsync<JObject>("txpool_content"),
            pool => pool.ToString().Contains(from[2..], StringComparison.OrdinalIgnoreCase),
            "the transaction is in the pool");
        await DevnetFixture.MineAsync(_chain, 1);
    }

    public async ValueTask DisposeAsync() => await _chain.Node.RpcAsync<object>("evm_setAutomine", true);
}
