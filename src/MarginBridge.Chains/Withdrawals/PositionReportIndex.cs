using System.Collections.Concurrent;
using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Chains.Withdrawals;

/// <summary>
/// A member's index of the venues' position reports per chain and account, kept only up to a block
/// that was hard-final when it was read: what a reorg cannot take back. A decision then reads the
/// logs after that block only, instead of every log since the vault was deployed.
/// </summary>
public sealed class PositionReportIndex
{
    private readonly ConcurrentDictionary<(long ChainId, string Account), Indexed> _indexed = new();

    /// <summary>The reports known through <c>Through</c> (null when nothing is indexed yet).</summary>
    public (long? Through, IReadOnlyList<PositionChange> Reports) Get(long chainId, string account) =>
        _indexed.TryGetValue((chainId, account), out var indexed) ? (indexed.Through, indexed.Reports) : (null, []);

    /// <summary>Adds the reports read after the indexed block; keeps those at or below <paramref name="hardFinal"/>.</summary>
    public void Extend(long chainId, string account, long hardFinal, IEnumerable<PositionChange> readAfterIndexed)
    {
        _indexed.AddOrUpdate(
            (chainId, account),
            _ => new Indexed(hardFinal, [.. readAfterIndexed.Where(r => r.BlockNumber <= hardFinal)]),
            (_, known) => hardFinal <= known.Through
                ? known
                : new Indexed(hardFinal, [.. known.Reports, .. readAfterIndexed.Where(r => r.BlockNumber <= hardFinal)]));
    }

    private sealed record Indexed(long Through, IReadOnlyList<PositionChange> Reports);
}
