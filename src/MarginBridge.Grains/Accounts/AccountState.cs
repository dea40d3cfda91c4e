using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.Grains.Accounts;

/// <summary>The persisted ledger of one account: every credited deposit, keyed by (chain id, nonce).</summary>
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

    public static string KeyOf(Deposit deposit) => $"{deposit.ChainId}:{deposit.Nonce}";
}

[GenerateSerializer, Immutable]
public sealed record CreditedDeposit([property: Id(0)] Deposit Deposit, [property: Id(1)] bool HardFinal);
