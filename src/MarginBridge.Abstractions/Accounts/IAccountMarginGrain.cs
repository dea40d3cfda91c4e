namespace MarginBridge.Abstractions.Accounts;

/// <summary>One market maker's cross-chain margin account; the key is its lower-case 0x address.</summary>
public interface IAccountMarginGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies deposit changes in order, idempotently on (chain id, deposit nonce): an update that
    /// was already applied changes nothing. Persists once per call.
    /// </summary>
    Task Apply(IReadOnlyList<DepositUpdate> updates);

    Task<AccountView> GetView();

    /// <summary>Remembers a transfer this account sent or receives; idempotent.</summary>
    Task RecordTransfer(string transferId);

    /// <summary>The account's transfers, oldest first.</summary>
    Task<IReadOnlyList<string>> GetTransferIds();
}
