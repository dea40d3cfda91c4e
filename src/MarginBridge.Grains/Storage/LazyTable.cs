using Azure;
using Azure.Data.Tables;

namespace MarginBridge.Grains.Storage;

/// <summary>One Azure Table, created on first use.</summary>
internal sealed class LazyTable(TableServiceClient tables, string name)
{
    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    public Task<TableClient> GetAsync() => _table.Value;

    /// <summary>Inserts a row that is never updated; false when it was there already (written before a crash, or by a retried request whose first attempt went through).</summary>
    public async Task<bool> AddOnceAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await (await _table.Value).AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
