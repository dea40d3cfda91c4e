namespace MarginBridge.Abstractions.Transfers;

/// <summary>One transfer's lifecycle; the key is its leaf (0x hex). Every call is idempotent.</summary>
public interface ITransferGrain : IGrainWithStringKey
{
    /// <summary>Its event was seen in a source block (again, after a reorg re-included it).</summary>
    Task Observe(TransferMessage message);

    /// <summary>The source block reached hard finality at the given head.</summary>
    Task MarkSourceHardFinal(long blockNumber, long atHead);

    /// <summary>The source block that held it was reorganised away.</summary>
    Task Drop(string blockHash, string reason);

    Task Reject(TransferMessage message, string reason);

    /// <summary>Null for an id no relayer has seen.</summary>
    Task<TransferView?> GetView();
}
