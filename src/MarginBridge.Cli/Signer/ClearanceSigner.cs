using System.Globalization;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;
using Nethereum.Signer;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// A member's decision on a withdrawal: it signs the vault's clearance only after it has read the
/// account itself through two of its own endpoints per chain (balances at its own hard-final block,
/// positions from the venues' reports, the feeds' prices), subtracted every clearance it signed that
/// the vault has not paid yet, and found with the margin library that the account still covers its
/// initial requirement after the withdrawal. The silo alone can never release collateral.
/// </summary>
public sealed class ClearanceSigner(EthECKey key, MarginBridgeOptions bridge, MarginModel model, SignedLedger<SignedClearance> ledger, IReadOnlyList<AccountSnapshotReader> readers) : IDisposable
{
    /// <summary>A clearance counts against the account until it expires, so its life is short.</summary>
    public const int MaxLifetimeSeconds = 600;

    private readonly SemaphoreSlim _decisions = new(1, 1);

    public string Member { get; } = EvmAddress.Normalize(key.GetPublicAddress());

    public void Dispose() => _decisions.Dispose();

    public async Task<MemberDecision> DecideAsync(ClearanceBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (withdrawal, field, error) = body.Request.Parse(bridge);
        if (withdrawal is null)
        {
            return MemberDecision.Refused(Member, $"{field}: {error}");
        }

        await _decisions.WaitAsync(cancellationToken);
        try
        {
            return await DecideAsync(withdrawal, body.Expiry, cancellationToken);
        }
        finally
        {
            _decisions.Release();
        }
    }

    private async Task<MemberDecision> DecideAsync(SignedWithdrawal withdrawal, ulong expiry, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(readers.Select(r => r.ReadAsync(withdrawal.Account, cancellationToken)));
        var (snapshot, disagreement) = reads.Length == 1 ? (reads[0], null) : AccountSnapshot.Combine(reads[0], reads[1]);
        if (snapshot is null)
        {
            return MemberDecision.Refused(Member, disagreement!);
        }

        var chain = withdrawal.Chain;
        var now = snapshot.HeadTimestamps[chain.ChainId];
        if (withdrawal.Deadline < (ulong)now)
        {
            return MemberDecision.Refused(Member, $"the request's deadline {withdrawal.Deadline} has passed ({chain.Name} is at {now})");
        }

        if (ExpiryWindow.Refusal(expiry, now, MaxLifetimeSeconds, chain) is { } badExpiry)
        {
            return MemberDecision.Refused(Member, badExpiry);
        }

        var outstanding = await OutstandingAsync(withdrawal.Account, snapshot, cancellationToken);
        if (outstanding.Any(c => c.ChainId == chain.ChainId && c.Nonce == withdrawal.Nonce)
            || await readers[0].IsClearanceUsedAsync(chain, withdrawal.Account, withdrawal.Nonce, cancellationToken))
        {
            return MemberDecision.Refused(Member, $"nonce {withdrawal.Nonce} is already cleared for {withdrawal.Account} on {chain.Name}");
        }

        var asked = new SignedClearance(withdrawal.Account, chain.ChainId, withdrawal.TokenAddress, withdrawal.Amount.ToString(CultureInfo.InvariantCulture), withdrawal.Nonce, expiry);
        var balances = snapshot.Balances.Select(b => b with { Final = b.Final - outstanding.Append(asked).Where(c => c.ChainId == b.ChainId && c.Token == b.Token).Aggregate(System.Numerics.BigInteger.Zero, (s, c) => s + c.Value) }).ToList();
        var left = balances.Single(b => b.ChainId == chain.ChainId && b.Token == withdrawal.TokenAddress);
        if (left.Final + System.Numerics.BigInteger.Min(left.Pending, 0) < 0)
        {
            return MemberDecision.Refused(Member, $"{withdrawal.Amount} is more than the hard-final {withdrawal.Token.Asset} on {chain.Name} not already cleared ({left.Final + withdrawal.Amount + System.Numerics.BigInteger.Min(left.Pending, 0)} base units)");
        }

        var view = new AccountView(withdrawal.Account, balances, [], 0, 0, snapshot.Positions, null);
        var basis = LiveBook.Compile(view, bridge, model).Decide(new PriceBoard(snapshot.Prices), model, now, out var undecided);
        if (basis is null)
        {
            return MemberDecision.Refused(Member, undecided!);
        }

        var margin = basis.Margin;
        var (equity, initial) = (SimulationResponse.Usd(margin.Equity), SimulationResponse.Usd(margin.InitialRequirement));
        if (!margin.MeetsInitial)
        {
            return MemberDecision.Refused(Member, $"after the withdrawal equity would be {equity} USD, below the initial requirement of {initial} USD", equity, initial);
        }

        var clearance = new ClearanceStruct { Account = withdrawal.Account, Token = withdrawal.TokenAddress, Amount = withdrawal.Amount, Nonce = withdrawal.Nonce, Expiry = expiry };
        var signature = CommitteeSignatures.Sign(MemberDecision.ClearanceDigest(chain.ChainId, chain.Vault, clearance), [key]).Single();
        ledger.Add(asked);
        return new MemberDecision(Member, true, MemberDecision.Encode(signature), null, equity, initial);
    }

    /// <summary>The account's clearances this member signed that the vault has neither paid nor let expire.</summary>
    private async Task<List<SignedClearance>> OutstandingAsync(string account, AccountSnapshot snapshot, CancellationToken cancellationToken)
    {
        var live = new List<SignedClearance>();
        var settled = new List<SignedClearance>();
        foreach (var clearance in ledger.Where(c => c.Account == account))
        {
            var chain = bridge.FindChain(clearance.ChainId);
            var expired = chain is null || clearance.Expiry < (ulong)snapshot.HeadTimestamps[clearance.ChainId];
            var used = chain is not null && await readers[0].IsClearanceUsedAsync(chain, account, clearance.Nonce, cancellationToken);
            (expired || used ? settled : live).Add(clearance);
        }

        ledger.Remove(settled);
        return live;
    }
}
