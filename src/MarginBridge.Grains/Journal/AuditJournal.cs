using Azure.Data.Tables;
using MarginBridge.Grains.Storage;

namespace MarginBridge.Grains.Journal;

/// <summary>
/// The audit journal: an Azure Table with one row per transition, never updated in place.
/// PartitionKey is the subject (a transfer id), RowKey its sequence number, so a transition that
/// is written again after a crash finds its row already there and changes nothing.
/// </summary>
public sealed class AuditJournal(TableServiceClient tables)
{
    public const string TableName = "AuditJournal";

    /// <summary>The journal subject of a chain (operator actions on it); a transfer's subject is its id.</summary>
    public static string ChainSubject(long chainId) => $"chain-{chainId}";

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>
    /// Appends a row, with an optional binary payload for the subject's own use (not shown by the
    /// API). False when the row was there already: written before a crash, or by a retried request
    /// whose first attempt went through; the journal keeps the first write.
    /// </summary>
    public Task<bool> AppendAsync(JournalEntry entry, byte[]? payload = null, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(entry.Subject, entry.Sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["Kind"] = entry.Kind,
            ["Actor"] = entry.Actor,
            ["Detail"] = entry.Detail,
            ["At"] = entry.At,
            ["Block"] = entry.Block,
            ["Payload"] = payload,
        };
        return _table.AddOnceAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(string subject, CancellationToken cancellationToken = default) =>
        [.. (await ReadWithPayloadsAsync(subject, cancellationToken)).Select(r => r.Entry)];

    /// <summary>A subject's rows in order, each with the payload it was appended with.</summary>
    public async Task<IReadOnlyList<(JournalEntry Entry, byte[]? Payload)>> ReadWithPayloadsAsync(string subject, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync();
        var rows = new List<(JournalEntry, byte[]?)>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == subject, cancellationToken: cancellationToken))
        {
            var entry = new JournalEntry(
                row.PartitionKey,
                int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture),
                row.GetString("Kind"),
                row.GetString("Actor"),
                row.GetString("Detail"),
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetInt64("Block"));
            rows.Add((entry, row.GetBinary("Payload")));
        }

        return rows;
    }
}

/// <param name="Actor">Who caused it: a relayer of a chain, an operator's name, a member.</param>
public sealed record JournalEntry(string Subject, int Sequence, string Kind, string Actor, string Detail, DateTimeOffset At, long? Block);
