using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Devnet.Processes;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.Devnet.Deployment;

/// <summary>
/// What a trader does on a devnet chain's reference venue: take a position (a test fill; no order
/// book). Sizes and prices are whole units and USD, converted to the adapter's 18 decimals.
/// </summary>
public sealed class VenueClient(AnvilNode node, DevAccount account, string venue)
{
    private static readonly decimal One = 1_000_000_000_000_000_000m;

    public Task<TransactionReceipt> TradePerpetualAsync(string market, decimal size, decimal price) =>
        TradeAsync(market, Instrument.Perpetual, size, price, 0, 0);

    public Task<TransactionReceipt> TradeOptionAsync(string market, Instrument kind, decimal size, decimal premium, decimal strike, DateTimeOffset expiry) =>
        TradeAsync(market, kind, size, premium, strike, expiry.ToUnixTimeSeconds());

    private async Task<TransactionReceipt> TradeAsync(string market, Instrument instrument, decimal size, decimal price, decimal strike, long expiry)
    {
        var trade = new TradeFunction
        {
            Market = MarketOptions.ToOnChainId(market).HexToByteArray(),
            Instrument = (byte)instrument,
            NewSize = ToWad(size),
            Price = ToWad(price),
            Strike = ToWad(strike),
            Expiry = (ulong)expiry,
        };
        var receipt = await node.Web3For(account).Eth.GetContractTransactionHandler<TradeFunction>().SendRequestAndWaitForReceiptAsync(venue, trade);
        return receipt.Failed() ? throw new InvalidOperationException($"trade {receipt.TransactionHash} reverted") : receipt;
    }

    private static BigInteger ToWad(decimal value) => new(decimal.Round(value * One, 0, MidpointRounding.ToZero));
}
