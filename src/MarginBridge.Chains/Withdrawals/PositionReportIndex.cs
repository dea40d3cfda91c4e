using System.Collections.Concurrent;
using System.Text.Json;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Serialization;

namespace MarginBridge.Chains.Withdrawals;

/// <summary>
/// A member's index of the venues' position reports per chain and account, kept only up to a block
/// that was hard-final when it was read: what a reorg cannot take back. A decision then reads the
/// logs after that block only, instead of every log since the vault was deployed. With a file, every
/// extension that adds reports is appended to it as one JSON line and replayed on start, so a
/// restarted member does not read every account's history from the deployment block again.
/// </summary>
public sealed class PositionReportIndex
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new BigIntegerJsonConverter() } };
    private readonly ConcurrentDictionary<(long ChainId, string Account), Indexed> _indexed = new();
    private readonly string? _file;
    private readonly Lock _appending = new();

    /// <param name="file">Where the index is kept (created on first use); null keeps it in memory only.</param>
    public PositionReportIndex(string? file = null)
    {
        _file = file;
        if (file is not null && File.Exists(file))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                var extension = JsonSerializer.Deserialize<Extension>(line, Json)!;
                Advance(extension.ChainId, extension.Account, extension.Through, extension.Reports);
            }
        }
    }

    /// <summary>The reports known through <c>Through</c> (null when nothing is indexed yet).</summary>
    public (long? Through, IReadOnlyList<PositionChange> Reports) Get(long chainId, string account) =>
        _indexed.TryGetValue((chainId, account), out var indexed) ? (indexed.Through, indexed.Reports) : (null, []);

    /// <summary>Adds the reports read after the indexed block; keeps those at or below <paramref name="hardFinal"/>.</summary>
    public void Extend(long chainId, string account, long hardFinal, IEnumerable<PositionChange> readAfterIndexed)
    {
        var kept = readAfterIndexed.Where(r => r.BlockNumber <= hardFinal).ToList();
        // Only new reports are worth a line: a file whose last line for an account is older stays
        // consistent (nothing happened in between), it only makes a restarted member read a little more.
        if (Advance(chainId, account, hardFinal, kept) && kept.Count > 0 && _file is not null)
        {
            var line = JsonSerializer.Serialize(new Extension(chainId, account, hardFinal, kept), Json);
            lock (_appending)
            {
                File.AppendAllText(_file, line + "\n");
            }
        }
    }

    /// <summary>Whether the index moved on (a block at or below the indexed one adds nothing).</summary>
    private bool Advance(long chainId, string account, long through, IReadOnlyList<PositionChange> reports)
    {
        var advanced = false;
        _indexed.AddOrUpdate(
            (chainId, account),
            _ =>
            {
                advanced = true;
                return new Indexed(through, reports);
            },
            (_, known) =>
            {
                advanced = through > known.Through;
                return advanced ? new Indexed(through, [.. known.Reports, .. reports]) : known;
            });
        return advanced;
    }

    private sealed record Indexed(long Through, IReadOnlyList<PositionChange> Reports);

    private sealed record Extension(long ChainId, string Account, long Through, IReadOnlyList<PositionChange> Reports);
}
