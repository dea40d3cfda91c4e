using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Withdrawals;
using Nethereum.Signer;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// A member's decision on a fee sweep: it signs the one-instruction batch for the vault of the chain
/// the fee is collected on only after reading, through both of its endpoints, the venue chain's
/// hard-final settlement of that liquidation and finding it short of its fee by at least the amount
/// asked; after finding no vault that already collected it; and when it has signed no other sweep of
/// that liquidation that could still execute (its ledger, kept across restarts). So an unpaid fee is
/// collected at most once, from one chain, and never more than what the venue chain left unpaid.
/// </summary>
public sealed class FeeSweepSigner(EthECKey key, MarginBridgeOptions bridge, SignedLedger<SignedFeeSweep> ledger, IReadOnlyList<AccountSnapshotReader> readers) : IDisposable
{
    private readonly SemaphoreSlim _decisions = new(1, 1);

    public string Member { get; } = EvmAddress.Normalize(key.GetPublicAddress());

    public void Dispose() => _decisions.Dispose();

    public async Task<MemberDecision> DecideAsync(FeeSweepBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (chain, venueChain, sweep, error) = body.Parse(bridge);
        if (chain is null || venueChain is null || sweep is null)
        {
            return MemberDecision.Refused(Member, error!);
        }

        await _decisions.WaitAsync(cancellationToken);
        try
        {
            return await DecideAsync(chain, venueChain, sweep, cancellationToken) is { } refusal
                ? MemberDecision.Refused(Member, refusal)
                : Sign(chain, sweep);
        }
        finally
        {
            _decisions.Release();
        }
    }

    /// <summary>Null when the sweep may be signed; otherwise why not.</summary>
    private async Task<string?> DecideAsync(ChainOptions chain, ChainOptions venueChain, FeeSweepStruct sweep, CancellationToken cancellationToken)
    {
        var snapshot = await readers[0].ReadAsync(sweep.Account, cancellationToken);
        if (ExpiryWindow.Refusal(sweep.Expiry, snapshot.HeadTimestamps[chain.ChainId], LiquidationRoute.MaxLifetimeSeconds, chain) is { } badExpiry)
        {
            return badExpiry;
        }

        var reads = await Task.WhenAll(readers.Select(r => r.ReadLiquidationSettlementAsync(venueChain, sweep.Account, sweep.LiquidationNonce, cancellationToken)));
        if (reads.Any(r => r.Settlement is null) || reads.Select(r => r.Settlement).Distinct().Count() != 1)
        {
            return $"no hard-final settlement of liquidation {sweep.LiquidationNonce} of {sweep.Account} on {venueChain.Name} that both of this member's endpoints agree on ({string.Join("; ", reads.Select(r => $"through block {r.Final}: {(r.Settlement is { } s ? $"requested {s.Requested}, moved {s.Moved}" : "none")}"))})";
        }

        var (requested, moved) = reads[0].Settlement!.Value;
        var unpaid = requested.Sign > 0 ? requested - moved : BigInteger.Zero;
        var allowed = FundSettlement.ToBaseUnits(FundSettlement.TokenOf(chain)!, FundSettlement.ToQuoteUnits(FundSettlement.TokenOf(venueChain)!, unpaid));
        if (sweep.Amount > allowed)
        {
            return $"{sweep.Amount} base units is more than the fee liquidation {sweep.LiquidationNonce} left unpaid on {venueChain.Name} ({allowed} in {chain.Name}'s {FundSettlement.Asset}; requested {requested}, paid {moved})";
        }

        foreach (var vault in bridge.Chains)
        {
            if (await readers[0].IsFeeSweptAsync(vault, sweep.LiquidationChainId, sweep.LiquidationNonce, cancellationToken))
            {
                return $"the fee of liquidation {sweep.LiquidationNonce} on {venueChain.Name} was already collected on {vault.Name}";
            }
        }

        return LiveSweep(sweep, snapshot.HeadTimestamps) is { } live && (live.ChainId, live.Nonce) != (chain.ChainId, sweep.Nonce)
            ? $"this member signed a sweep of that fee on chain {live.ChainId} (nonce {live.Nonce}) that may still execute until {live.Expiry}"
            : null;
    }

    /// <summary>The sweep of the same liquidation this member signed that may still execute (unexpired by its chain's time in <paramref name="heads"/>); the others leave the ledger.</summary>
    private SignedFeeSweep? LiveSweep(FeeSweepStruct sweep, IReadOnlyDictionary<long, long> heads)
    {
        var signed = ledger.Where(s => s.LiquidationChainId == (long)sweep.LiquidationChainId && s.LiquidationNonce == sweep.LiquidationNonce);
        var expired = signed.Where(s => !heads.TryGetValue(s.ChainId, out var head) || s.Expiry < (ulong)head).ToList();
        ledger.Remove(expired);
        return signed.Except(expired).FirstOrDefault();
    }

    private MemberDecision Sign(ChainOptions chain, FeeSweepStruct sweep)
    {
        var digest = LiquidationRoute.AttestationDigest(chain, sweep.Nonce, LiquidationRoute.Leaf(chain, sweep));
        var signature = CommitteeSignatures.Sign(digest, [key]).Single();
        if (ledger.Where(s => (s.ChainId, s.Nonce) == (chain.ChainId, sweep.Nonce)).Count == 0)
        {
            ledger.Add(new SignedFeeSweep(chain.ChainId, sweep.Nonce, sweep.Expiry, (long)sweep.LiquidationChainId, sweep.LiquidationNonce));
        }

        return new MemberDecision(Member, true, MemberDecision.Encode(signature), null, null, null);
    }
}
