using MarginBridge.Abstractions.Accounts;
using Nethereum.Hex.HexConvertors.Extensions;
using FilterLog = Nethereum.RPC.Eth.DTOs.FilterLog;

namespace MarginBridge.Chains.Rpc;

/// <summary>Turns a range's vault and venue logs into account events, in the order the chain emitted them.</summary>
public static class ChainEventDecoder
{
    public static IEnumerable<(FilterLog Log, ChainEvent Event)> Decode(long chainId, ChainEvents events)
    {
        var deposits = events.Deposits.Select(l => (l.Log, (ChainEvent)new Deposit(
            chainId, l.Event.Nonce, EvmAddress.Normalize(l.Event.Account), EvmAddress.Normalize(l.Event.Token), l.Event.Amount,
            Block(l.Log), l.Log.BlockHash, l.Log.TransactionHash, Index(l.Log))));
        var withdrawals = events.Withdrawals.Select(l => (l.Log, (ChainEvent)new Withdrawal(
            chainId, l.Event.ClearanceNonce, EvmAddress.Normalize(l.Event.Account), EvmAddress.Normalize(l.Event.Token), l.Event.Amount,
            Block(l.Log), l.Log.BlockHash, l.Log.TransactionHash, Index(l.Log))));
        var settlements = events.Settlements.Select(l => (l.Log, (ChainEvent)new LiquidationSettlement(
            chainId, l.Event.Nonce, EvmAddress.Normalize(l.Event.Account), EvmAddress.Normalize(l.Event.Token), -l.Event.Moved,
            Block(l.Log), l.Log.BlockHash, l.Log.TransactionHash, Index(l.Log))));
        var positions = events.Positions.Select(l => (l.Log, (ChainEvent)new PositionChange(
            chainId, EvmAddress.Normalize(l.Log.Address), l.Event.Market.ToHex(prefix: true), EvmAddress.Normalize(l.Event.Account),
            (Instrument)l.Event.Instrument, l.Event.Size, l.Event.Price, l.Event.Strike, (long)l.Event.Expiry,
            Block(l.Log), l.Log.BlockHash, l.Log.TransactionHash, Index(l.Log))));
        return deposits.Concat(withdrawals).Concat(settlements).Concat(positions).OrderBy(e => e.Item2.Position);
    }

    /// <summary>Folds an account's position reports (in chain order) into its positions, one per venue and market.</summary>
    public static IReadOnlyList<VenuePosition> FoldPositions(IEnumerable<PositionChange> reports) =>
        [.. reports.OrderBy(r => r.ChainId).ThenBy(r => r.Position).GroupBy(r => r.PositionKey)
            .Select(g => g.Aggregate(VenuePosition.Flat(g.First()), (position, report) => position.Apply(report)))];

    private static long Block(FilterLog log) => (long)log.BlockNumber.Value;

    private static long Index(FilterLog log) => (long)log.LogIndex.Value;
}
