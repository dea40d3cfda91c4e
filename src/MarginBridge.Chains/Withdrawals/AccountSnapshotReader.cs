using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using MarginBridge.Chains.Rpc;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Withdrawals;

/// <summary>
/// Reads an account from the chains through one of the member's endpoints per chain
/// (<paramref name="endpoint"/> picks which): vault balances at the hard-final block and at the
/// head, the venues' position reports for the account since the vault was deployed (those below a
/// block already hard-final at an earlier read come from its <see cref="PositionReportIndex"/>, kept in
/// a file named from <paramref name="indexPrefix"/> and the deployment when one is given), and the feeds
/// with the venues' open interest on each asset.
/// Money in flight between chains is in no balance, so it is not counted (conservative).
/// </summary>
public sealed class AccountSnapshotReader(MarginBridgeOptions bridge, int endpoint, TimeProvider time, ILogger logger, string? indexPrefix = null)
{
    private readonly Dictionary<long, ChainReader> _readers = bridge.Chains.ToDictionary(
        c => c.ChainId,
        c => new ChainReader(new RpcEndpointPool(OneEndpoint(c, endpoint), bridge.Relayer, time, logger)));

    private readonly PositionReportIndex _reports = new(indexPrefix is null ? null : $"{indexPrefix}.{DeploymentFingerprint(bridge)}.jsonl");

    public async Task<AccountSnapshot> ReadAsync(string account, CancellationToken cancellationToken)
    {
        var chains = await Task.WhenAll(bridge.Chains.Select(c => ReadChainAsync(c, account, cancellationToken)));
        var prices = await Task.WhenAll(bridge.PriceFeeds.Select(f => ReadPriceAsync(f, cancellationToken)));
        return new AccountSnapshot(
            [.. chains.SelectMany(c => c.Balances)],
            ChainEventDecoder.FoldPositions(chains.SelectMany(c => c.Reports)),
            prices,
            chains.ToDictionary(c => c.ChainId, c => c.HeadTimestamp));
    }

    /// <summary>Whether the vault already paid out a clearance with this nonce for the account.</summary>
    public Task<bool> IsClearanceUsedAsync(ChainOptions chain, string account, ulong nonce, CancellationToken cancellationToken) =>
        _readers[chain.ChainId].QueryAsync<UsedClearancesFunction, bool>(chain.Vault, new UsedClearancesFunction { Account = account, ClearanceNonce = nonce }, cancellationToken);

    /// <summary>The chain's insurance fund in its settlement token at the head, in quote units (zero without one).</summary>
    public async Task<BigInteger> ReadInsuranceFundAsync(ChainOptions chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (Liquidations.FundSettlement.TokenOf(chain) is not { } token)
        {
            return BigInteger.Zero;
        }

        var balance = await _readers[chain.ChainId].QueryAsync<InsuranceFundFunction, BigInteger>(chain.Vault, new InsuranceFundFunction { Token = token.Address }, cancellationToken);
        return Liquidations.FundSettlement.ToQuoteUnits(token, balance);
    }

    /// <summary>
    /// What the vault of <paramref name="chain"/> settled with its fund for the account's liquidation
    /// <paramref name="nonce"/> (requested, moved: token base units) up to the hard-final block, which
    /// is returned too; a null settlement when none is hard-final there.
    /// </summary>
    public async Task<(long Final, (BigInteger Requested, BigInteger Moved)? Settlement)> ReadLiquidationSettlementAsync(ChainOptions chain, string account, ulong nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var (reader, _, final) = await FinalityAsync(chain, cancellationToken);
        var settled = await reader.GetLiquidationSettlementsAsync(chain.Vault, account, nonce, chain.StartBlock, final, cancellationToken);
        return (final, settled.Count == 1 ? (settled[0].Event.Requested, settled[0].Event.Moved) : null);
    }

    /// <summary>Whether the vault of <paramref name="chain"/> already collected the unpaid fee of liquidation <paramref name="liquidationNonce"/> on chain <paramref name="liquidationChainId"/>.</summary>
    public Task<bool> IsFeeSweptAsync(ChainOptions chain, ulong liquidationChainId, ulong liquidationNonce, CancellationToken cancellationToken) =>
        _readers[chain.ChainId].QueryAsync<FeeSweptFunction, bool>(chain.Vault, new FeeSweptFunction { LiquidationChainId = liquidationChainId, LiquidationNonce = liquidationNonce }, cancellationToken);

    /// <summary>The <c>TransferInitiated</c> of message <paramref name="leaf"/> in the vault of <paramref name="chain"/> up to the hard-final block, which is returned too; null when none is hard-final there.</summary>
    public async Task<(long Final, TransferInitiatedEvent? Sent)> ReadSentTransferAsync(ChainOptions chain, byte[] leaf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var (reader, _, final) = await FinalityAsync(chain, cancellationToken);
        var sent = await reader.GetEventsAsync<TransferInitiatedEvent>(chain.Vault, [leaf.ToHex(prefix: true)], chain.StartBlock, final, cancellationToken);
        return (final, sent.Count == 1 ? sent[0].Event : null);
    }

    /// <summary>Whether the vault of <paramref name="destination"/> marked message <paramref name="nonce"/> from <paramref name="source"/> executed (or voided).</summary>
    public Task<bool> IsExecutedAsync(ChainOptions destination, ChainOptions source, ulong nonce, CancellationToken cancellationToken) =>
        _readers[destination.ChainId].QueryAsync<IsExecutedFunction, bool>(destination.Vault, new IsExecutedFunction { SrcChainId = (ulong)source.ChainId, SrcContract = source.Vault, MessageNonce = nonce }, cancellationToken);

    /// <summary>The time of the chain's head block.</summary>
    public async Task<long> ReadHeadTimestampAsync(ChainOptions chain, CancellationToken cancellationToken) =>
        (await _readers[chain.ChainId].GetHeadAsync(cancellationToken)).Timestamp;

    /// <summary>Every account's open perpetual in <paramref name="market"/> on <paramref name="venue"/>, folded from the venue's reports up to the head.</summary>
    public async Task<IReadOnlyList<(string Account, VenuePosition Position)>> ReadPerpetualHoldersAsync(ChainOptions chain, string venue, byte[] market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var reader = _readers[chain.ChainId];
        var head = await reader.GetHeadAsync(cancellationToken);
        var logs = await reader.GetPositionChangesAsync([venue], null, market, chain.StartBlock, head.Number, cancellationToken);
        return [.. ChainEventDecoder.Decode(chain.ChainId, new ChainEvents([], [], [], [], logs))
            .Select(e => (PositionChange)e.Event)
            .GroupBy(r => r.Account, StringComparer.OrdinalIgnoreCase)
            .SelectMany(g => ChainEventDecoder.FoldPositions(g).Select(p => (Account: g.Key, Position: p)))
            .Where(h => h.Position.Instrument == Instrument.Perpetual && !h.Position.Size.IsZero)];
    }

    /// <summary>This endpoint's reader of the chain, its head and the chain's hard-final block under it.</summary>
    private async Task<(ChainReader Reader, BlockRef Head, long Final)> FinalityAsync(ChainOptions chain, CancellationToken cancellationToken)
    {
        var reader = _readers[chain.ChainId];
        var head = await reader.GetHeadAsync(cancellationToken);
        return (reader, head, await HardFinalSearch.FindAsync(chain, head, chain.StartBlock, n => reader.GetBlockAsync(n, cancellationToken)));
    }

    private async Task<(long ChainId, long HeadTimestamp, List<ChainBalance> Balances, IEnumerable<PositionChange> Reports)> ReadChainAsync(ChainOptions chain, string account, CancellationToken cancellationToken)
    {
        var (reader, head, final) = await FinalityAsync(chain, cancellationToken);
        var balances = new List<ChainBalance>();
        foreach (var token in chain.Tokens)
        {
            var query = new VaultBalanceOfFunction { Account = account, Token = token.Address };
            var atFinal = await reader.QueryAtAsync<VaultBalanceOfFunction, BigInteger>(chain.Vault, query, final, cancellationToken);
            var atHead = await reader.QueryAtAsync<VaultBalanceOfFunction, BigInteger>(chain.Vault, query, head.Number, cancellationToken);
            balances.Add(new ChainBalance(chain.ChainId, EvmAddress.Normalize(token.Address), token.Asset, atHead - atFinal, atFinal));
        }

        var (indexedThrough, indexed) = _reports.Get(chain.ChainId, account);
        var from = indexedThrough + 1 ?? chain.StartBlock;
        var logs = from > head.Number ? [] : await reader.GetPositionChangesAsync(chain.Venues, account, null, from, head.Number, cancellationToken);
        var fresh = ChainEventDecoder.Decode(chain.ChainId, new ChainEvents([], [], [], [], logs)).Select(e => (PositionChange)e.Event).ToList();
        _reports.Extend(chain.ChainId, account, final, fresh);
        return (chain.ChainId, head.Timestamp, balances, indexed.Concat(fresh));
    }

    private async Task<PriceStatus> ReadPriceAsync(PriceFeedOptions feed, CancellationToken cancellationToken)
    {
        var chain = bridge.FindChain(feed.ChainId)!;
        var reading = await PriceFeedReading.ReadAsync(_readers[feed.ChainId], feed, chain.Name, cancellationToken);
        var openInterest = await OpenInterestReading.ReadAsync(bridge, id => _readers[id], feed.Asset, cancellationToken);
        return new PriceStatus(feed.Asset, feed.ChainId, feed.Feed, reading.Price, reading.Round, DateTimeOffset.FromUnixTimeSeconds(reading.UpdatedAt), reading.Stale, null, null, null, openInterest);
    }

    /// <summary>Names the chains, vaults, start blocks and venues read: an index kept for another deployment is never used.</summary>
    private static string DeploymentFingerprint(MarginBridgeOptions bridge)
    {
        var deployment = string.Join(";", bridge.Chains.Select(c => $"{c.ChainId}:{c.Vault}:{c.StartBlock}:{string.Join(",", c.Venues)}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deployment)))[..16];
    }

    private static ChainOptions OneEndpoint(ChainOptions chain, int endpoint) => new()
    {
        Name = chain.Name,
        Kind = chain.Kind,
        ChainId = chain.ChainId,
        RpcUrls = [chain.RpcUrls[endpoint % chain.RpcUrls.Count]],
        Vault = chain.Vault,
        StartBlock = chain.StartBlock,
        Tokens = chain.Tokens,
        Venues = chain.Venues,
        Finality = chain.Finality,
    };
}
