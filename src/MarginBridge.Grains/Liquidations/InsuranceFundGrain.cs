using System.Numerics;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Chains.Configuration;
using Microsoft.Extensions.Options;

namespace MarginBridge.Grains.Liquidations;

/// <summary>One chain's insurance fund book, seeded from <c>MarginBridge:InsuranceFunds:{chainId}</c> (USD).</summary>
public sealed class InsuranceFundGrain(
    [PersistentState("fund", "liquidations")] IPersistentState<InsuranceFundState> state,
    IOptions<MarginBridgeOptions> options,
    TimeProvider time) : Grain, IInsuranceFundGrain
{
    private const int RecentKept = 100;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            var seed = options.Value.InsuranceFunds.GetValueOrDefault(this.GetPrimaryKeyLong().ToString(System.Globalization.CultureInfo.InvariantCulture));
            state.State.Balance = new BigInteger(seed) * 1_000_000;
        }

        return Task.CompletedTask;
    }

    public Task<BigInteger> GetBalance() => Task.FromResult(state.State.Balance);

    public Task<InsuranceFundView> GetView() => Task.FromResult(new InsuranceFundView(this.GetPrimaryKeyLong(), state.State.Balance, [.. state.State.Recent]));

    public async Task Book(string account, ulong nonce, BigInteger amount)
    {
        if (state.State.Booked.Add($"{account}:{nonce}"))
        {
            state.State.Balance += amount;
            state.State.Recent.Add(new FundBooking(account, nonce, amount, time.GetUtcNow()));
            if (state.State.Recent.Count > RecentKept)
            {
                state.State.Recent.RemoveAt(0);
            }

            await state.WriteStateAsync();
        }
    }
}
