using System.Globalization;
using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Processes;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Devnet.Deployment;

/// <summary>One asset's devnet price feed (contracts/src/PriceFeed.sol, 8 decimals, USD): deployed by and written by its feeder.</summary>
public sealed class DevnetPriceFeed(string asset, string address, long chainId, string rpcUrl, DevAccount feeder)
{
    public const int Decimals = 8;

    private readonly Nethereum.Web3.Web3 _web3 = new(new Nethereum.Web3.Accounts.Account(feeder.PrivateKey, chainId), rpcUrl);

    public string Asset => asset;

    public string Address => address;

    public long ChainId => chainId;

    public DevAccount Feeder => feeder;

    public static async Task<DevnetPriceFeed> DeployAsync(AnvilNode node, DevAccount feeder, string asset, decimal usd)
    {
        var receipt = await node.Web3For(feeder).Eth.GetContractDeploymentHandler<PriceFeedDeployment>().SendRequestAndWaitForReceiptAsync(
            new PriceFeedDeployment { Description = $"{asset} / USD", Decimals = Decimals, Feeder = feeder.Address });
        var feed = receipt.Failed()
            ? throw new InvalidOperationException($"deploying the {asset} price feed failed")
            : new DevnetPriceFeed(asset, receipt.ContractAddress, node.ChainId, node.RpcUrl, feeder);
        await feed.SubmitAsync(usd);
        return feed;
    }

    /// <summary>Publishes a new round: <paramref name="usd"/> in dollars, at most 8 decimals.</summary>
    public Task SubmitAsync(decimal usd) =>
        BridgeWiring.SendAsync(_web3, Address, new SubmitAnswerFunction { Answer = ToAnswer(usd) });

    public async Task<decimal> LatestAsync()
    {
        var round = await _web3.Eth.GetContractQueryHandler<LatestRoundDataFunction>()
            .QueryDeserializingToObjectAsync<RoundDataOutput>(new LatestRoundDataFunction(), Address);
        return (decimal)round.Answer / 100_000_000m;
    }

    private static BigInteger ToAnswer(decimal usd) =>
        BigInteger.Parse(decimal.Round(usd * 100_000_000m, 0, MidpointRounding.ToZero).ToString("0", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
