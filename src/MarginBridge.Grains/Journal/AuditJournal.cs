using Azure;
using Azure.Data.Tables;

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

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    public async Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        var table = await _table.Value;
        var row = new TableEntity(entry.Subject, entry.Sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["Kind"] = entry.Kind,
            ["Actor"] = entry.Actor,
            ["Detail"] = entry.Detail,
            ["At"] = entry.At,
            ["Block"] = entry.Block,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Written before a crash: the journal keeps the first write.
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(string subject, CancellationToken cancellationToken = default)
    {
        var table = await _table.Value;
        var entries = new List<JournalEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == subject, cancellationToken: cancellationToken))
        {
            entries.Add(new JournalEntry(
                row.PartitionKey,
                int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture),
                row.GetString("Kind"),
                row.GetString("Actor"),
                row.GetString("Detail"),
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetInt64("Block")));
        }

        return entries;
    }
}

/// <param name="Actor">Who caused it: a relayer of a chain, an operator's name, a member.</param>
public sealed record JournalEntry(string Subject, int Sequence, string Kind, string Actor, string Detail, DateTimeOffset At, long? Block);
