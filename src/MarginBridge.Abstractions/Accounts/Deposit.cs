using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>A <c>Deposited</c> event of a chain's MarginVault, as the relayer saw it.</summary>
/// <param name="Account">Lower-case 0x address of the credited account.</param>
/// <param name="Token">Lower-case 0x address of the ERC-20 on that chain.</param>
/// <param name="Amount">Token base units.</param>
[GenerateSerializer, Immutable]
public sealed record Deposit(
    [property: Id(0)] long ChainId,
    [property: Id(1)] ulong Nonce,
    [property: Id(2)] string Account,
    [property: Id(3)] string Token,
    [property: Id(5)] BigInteger Amount,
    [property: Id(6)] long BlockNumber,
    [property: Id(7)] string BlockHash,
    [property: Id(8)] string TransactionHash,
    [property: Id(9)] long LogIndex);

/// <summary>What happened to a deposit on its chain.</summary>
public enum DepositChange
{
    /// <summary>Included in a block: soft-final, counts as pending collateral.</summary>
    Observed,

    /// <summary>Hard-final by the chain's layer kind.</summary>
    HardFinal,

    /// <summary>Its block was reorganised away before hard finality.</summary>
    Revoked,
}

[GenerateSerializer, Immutable]
public sealed record DepositUpdate([property: Id(0)] DepositChange Change, [property: Id(1)] Deposit Deposit);
