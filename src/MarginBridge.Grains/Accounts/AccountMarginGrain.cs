using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// One account's collateral on every chain, pending (soft-final) and final (hard-final): deposits,
/// minus what transfers took out of a chain, plus what they brought in.
/// </summary>
public sealed partial class AccountMarginGrain(
    [PersistentState("account", "accounts")] IPersistentState<AccountState> state,
    IOptions<MarginBridgeOptions> options,
    ILogger<AccountMarginGrain> logger) : Grain, IAccountMarginGrain
{
    private AccountState State => state.State;

    public async Task Apply(IReadOnlyList<DepositUpdate> updates)
    {
        var changed = false;
        foreach (var update in updates)
        {
            changed |= ApplyOne(update);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<AccountView> GetView()
    {
        var entries = State.Deposits.Values.Select(c => (c.Deposit.ChainId, c.Deposit.Token, c.Deposit.Amount, c.HardFinal))
            .Concat(State.TransferLegs.Values.Select(l => (l.ChainId, l.Token, l.Amount, l.HardFinal)));
        var balances = entries
            .GroupBy(e => (e.ChainId, e.Token))
            .Select(g => new ChainBalance(
                g.Key.ChainId,
                g.Key.Token,
                AssetOf(g.Key.ChainId, g.Key.Token),
                Sum(g.Where(e => !e.HardFinal).Select(e => e.Amount)),
                Sum(g.Where(e => e.HardFinal).Select(e => e.Amount))))
            .OrderBy(b => b.ChainId)
            .ThenBy(b => b.Token, StringComparer.Ordinal)
            .ToList();
        var totals = balances
            .Where(b => b.Asset is not null)
            .GroupBy(b => b.Asset!)
            .Select(g => new AssetTotal(g.Key, g.Aggregate(BigInteger.Zero, (s, b) => s + b.Pending), g.Aggregate(BigInteger.Zero, (s, b) => s + b.Final)))
            .OrderBy(t => t.Asset, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new AccountView(this.GetPrimaryKeyString(), balances, totals, State.Deposits.Count, State.RevokedDeposits));
    }

    public async Task ApplyTransferLeg(TransferLeg leg)
    {
        if (!State.TransferLegs.TryGetValue(leg.Key, out var existing) || existing != leg)
        {
            State.TransferLegs[leg.Key] = leg;
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveTransferLeg(string key)
    {
        if (State.TransferLegs.Remove(key))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RecordTransfer(string transferId)
    {
        if (!State.Transfers.Contains(transferId))
        {
            State.Transfers.Add(transferId);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetTransferIds() => Task.FromResult<IReadOnlyList<string>>([.. State.Transfers]);

    private bool ApplyOne(DepositUpdate update)
    {
        var deposit = update.Deposit;
        var key = AccountState.KeyOf(deposit);
        State.Deposits.TryGetValue(key, out var existing);
        switch (update.Change)
        {
            case DepositChange.Observed when existing is null:
                State.Deposits[key] = new CreditedDeposit(deposit, HardFinal: false);
                return true;
            case DepositChange.HardFinal when existing is null || !existing.HardFinal:
                State.Deposits[key] = new CreditedDeposit(deposit, HardFinal: true);
                return true;
            case DepositChange.Revoked when existing is { HardFinal: false } && existing.Deposit.BlockHash == deposit.BlockHash:
                State.Deposits.Remove(key);
                State.RevokedDeposits++;
                return true;
            case DepositChange.Revoked when existing is { HardFinal: true }:
                LogFinalDepositRevoked(deposit.ChainId, deposit.Nonce, deposit.BlockNumber);
                return false;
            default:
                return false;
        }
    }

    private static BigInteger Sum(IEnumerable<BigInteger> amounts) => amounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a);

    private string? AssetOf(long chainId, string token) =>
        options.Value.FindChain(chainId)?.FindToken(token)?.Asset;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "A reorg removed hard-final deposit {ChainId}:{Nonce} (block {Block}); its credit is kept and needs an operator")]
    private partial void LogFinalDepositRevoked(long chainId, ulong nonce, long block);
}
