using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Processes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Devnet.Deployment;

/// <summary>Deploys the collateral token, the MarginVault and a reference venue on one devnet chain.</summary>
public static class ChainDeployer
{
    /// <param name="deployer">Deploys and becomes the vault's admin.</param>
    /// <param name="guardian">May pause the vault.</param>
    public static async Task<ChainDeployment> DeployAsync(AnvilNode node, DevAccount deployer, DevAccount guardian, DevnetProfile.CollateralSection collateral)
    {
        var web3 = node.Web3For(deployer);
        var token = await web3.Eth.GetContractDeploymentHandler<TestTokenDeployment>().SendRequestAndWaitForReceiptAsync(
            new TestTokenDeployment { Name = collateral.Name, Symbol = collateral.Asset, Decimals = (byte)collateral.Decimals });
        var vault = await web3.Eth.GetContractDeploymentHandler<MarginVaultDeployment>().SendRequestAndWaitForReceiptAsync(
            new MarginVaultDeployment { Admin = deployer.Address, Guardian = guardian.Address });
        var venue = await web3.Eth.GetContractDeploymentHandler<ReferenceVenueDeployment>().SendRequestAndWaitForReceiptAsync(
            new ReferenceVenueDeployment { Vault = vault.ContractAddress });
        if (token.Failed() || vault.Failed() || venue.Failed())
        {
            throw new InvalidOperationException($"deployment on chain {node.ChainId} failed");
        }

        return new ChainDeployment(token.ContractAddress, vault.ContractAddress, venue.ContractAddress, (long)vault.BlockNumber.Value);
    }
}

public sealed record ChainDeployment(string Token, string Vault, string Venue, long VaultBlock);
