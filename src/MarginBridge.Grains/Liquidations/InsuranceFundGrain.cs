using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Grains.Relaying;

namespace MarginBridge.Grains.Liquidations;

/// <summary>
/// One chain's insurance fund: its balance is the vault's <c>insuranceFund</c> of the chain's USDC,
/// read on chain; its bookings are the vault's <c>LiquidationSettled</c> events as the chain's relayer
/// sees them (taken back if a reorg removes them).
/// </summary>
public sealed class InsuranceFundGrain(
    [PersistentState("fund", "liquidations")] IPersistentState<InsuranceFundState> state,
    ChainConnections connections,
    TimeProvider time) : Grain, IInsuranceFundGrain
{
    private const int RecentKept = 100;

    private long ChainId => this.GetPrimaryKeyLong();

    public async Task<BigInteger> GetBalance()
    {
        var chain = connections.GetChain(ChainId);
        if (FundSettlement.TokenOf(chain) is not { } token)
        {
            return BigInteger.Zero;
        }

        var balance = await connections.GetReader(ChainId).QueryAsync<InsuranceFundFunction, BigInteger>(chain.Vault, new InsuranceFundFunction { Token = token.Address }, CancellationToken.None);
        return FundSettlement.ToQuoteUnits(token, balance);
    }

    public async Task<InsuranceFundView> GetView() => new(ChainId, await GetBalance(), [.. state.State.Recent]);

    public async Task Book(LiquidationSettlement settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        var token = connections.GetChain(ChainId).FindToken(settlement.Token);
        if (token is null || !state.State.Booked.Add(KeyOf(settlement.Account, settlement.Nonce)))
        {
            return;
        }

        state.State.Recent.Add(new FundBooking(settlement.Account, settlement.Nonce, FundSettlement.ToQuoteUnits(token, -settlement.Amount), time.GetUtcNow()));
        if (state.State.Recent.Count > RecentKept)
        {
            state.State.Recent.RemoveAt(0);
        }

        await state.WriteStateAsync();
    }

    public async Task Revoke(LiquidationSettlement settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        if (state.State.Booked.Remove(KeyOf(settlement.Account, settlement.Nonce)))
        {
            state.State.Recent.RemoveAll(b => b.Account == settlement.Account && b.Nonce == settlement.Nonce);
            await state.WriteStateAsync();
        }
    }

    private static string KeyOf(string account, ulong nonce) => $"{account}:{nonce}";
}
