using Azure.Data.Tables;
using MarginBridge.Grains.Storage;

namespace MarginBridge.Grains.Accounts;

/// <summary>
/// Which transfers each account sent or receives: an Azure Table with one row per (account,
/// transfer), written once when the transfer is observed and never updated. Kept out of the
/// account grain's state so that its every write stays the same size however long its history.
/// RowKey starts with the inverted observation time, so a partition reads newest first.
/// </summary>
public sealed class AccountTransferIndex(TableServiceClient tables)
{
    public const string TableName = "AccountTransfers";

    private readonly LazyTable _table = new(tables, TableName);

    public Task AddAsync(string account, string transferId, DateTimeOffset observedAt) =>
        _table.AddOnceAsync(new TableEntity(account, $"{DateTimeOffset.MaxValue.UtcTicks - observedAt.UtcTicks:D19}-{transferId}") { ["Transfer"] = transferId }, CancellationToken.None);

    /// <summary>The newest <paramref name="limit"/> transfers, newest first (a transfer observed again after a crash is listed once).</summary>
    public async Task<IReadOnlyList<string>> NewestAsync(string account, int limit, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync();
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == account, select: ["Transfer"], cancellationToken: cancellationToken))
        {
            var id = row.GetString("Transfer");
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }

            if (ids.Count == limit)
            {
                break;
            }
        }

        return ids;
    }
}
