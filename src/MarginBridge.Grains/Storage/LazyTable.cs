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
}
