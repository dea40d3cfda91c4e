using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Grains.Accounts;

/// <summary>The persisted ledger of one account: every credited deposit, keyed by (chain id, nonce), and every transfer's debit or credit.</summary>
[GenerateSerializer]
public sealed class AccountState
{
    [Id(0)]
    public Dictionary<string, CreditedDeposit> Deposits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Deposits whose pending credit a reorg took back.</summary>
    [Id(1)]
    public int RevokedDeposits { get; set; }

    /// <summary>Ids of the transfers this account sent or receives, oldest first.</summary>
    [Id(2)]
    public List<string> Transfers { get; set; } = [];

    /// <summary>Debits and credits of transfers, by transfer id and side.</summary>
    [Id(3)]
    public Dictionary<string, TransferLeg> TransferLegs { get; set; } = new(StringComparer.Ordinal);

    public static string KeyOf(Deposit deposit) => $"{deposit.ChainId}:{deposit.Nonce}";
}

[GenerateSerializer, Immutable]
public sealed record CreditedDeposit([property: Id(0)] Deposit Deposit, [property: Id(1)] bool HardFinal);
