using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace MarginBridge.Grains.Breakers;

/// <summary>
/// The vaults' guardian role, held by the silo only when <c>Breakers:GuardianKeyFile</c> is set: it
/// can pause every vault (everything but deposits and liquidations stops on chain), never unpause —
/// that is the admin's, so no silo alone can resume the bridge.
/// </summary>
public sealed class VaultGuardian(IOptions<MarginBridgeOptions> options)
{
    private readonly Lazy<string?> _key = new(() => options.Value.Breakers.GuardianKeyFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : null);

    /// <summary>Pauses the vault on every chain that is not paused yet; one line per chain, saying what happened.</summary>
    public async Task<IReadOnlyList<string>> PauseAllAsync(CancellationToken cancellationToken)
    {
        if (_key.Value is not { } key)
        {
            return ["no guardian key is configured (Breakers:GuardianKeyFile): the vaults stay unpaused on chain"];
        }

        return await Task.WhenAll(options.Value.Chains.Select(chain => PauseAsync(chain, key, cancellationToken)));
    }

    private static async Task<string> PauseAsync(ChainOptions chain, string key, CancellationToken cancellationToken)
    {
        try
        {
            var web3 = new Web3(new Account(key, chain.ChainId), chain.RpcUrls[0]);
            if (await web3.Eth.GetContractQueryHandler<PausedFunction>().QueryAsync<bool>(chain.Vault, new PausedFunction()))
            {
                return $"the vault on {chain.Name} was paused already";
            }

            var handler = web3.Eth.GetContractTransactionHandler<PauseFunction>();
            var pause = new PauseFunction();
            pause.Gas = new HexBigInteger(GasMargin.Over((await handler.EstimateGasAsync(chain.Vault, pause)).Value));
            var receipt = await handler.SendRequestAndWaitForReceiptAsync(chain.Vault, pause, cancellationToken);
            return receipt.Succeeded() ? $"paused the vault on {chain.Name} (tx {receipt.TransactionHash})" : $"pausing the vault on {chain.Name} reverted (tx {receipt.TransactionHash})";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"could not pause the vault on {chain.Name}: {e.Message}";
        }
    }
}
