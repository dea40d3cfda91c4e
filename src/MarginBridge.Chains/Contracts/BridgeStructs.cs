using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace MarginBridge.Chains.Contracts;

// The Solidity structs of contracts/src/BridgeMessages.sol, BridgeInbox.sol and MarginVault.sol.

/// <summary>Where a message comes from and where it may execute.</summary>
public sealed class RouteStruct
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "dstChainId", 3)]
    public ulong DstChainId { get; set; }

    [Parameter("address", "dstContract", 4)]
    public string DstContract { get; set; } = string.Empty;
}

/// <summary>Collateral moved to the recipient's balance in the destination vault; expiry 0 is never.</summary>
public sealed class TransferStruct
{
    [Parameter("uint64", "nonce", 1)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }

    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    [Parameter("address", "recipient", 4)]
    public string Recipient { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 5)]
    public BigInteger Amount { get; set; }
}

/// <summary>A committee-attested instruction to a venue to reduce a position.</summary>
public sealed class LiquidationStruct
{
    [Parameter("uint64", "nonce", 1)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }

    [Parameter("address", "venue", 3)]
    public string Venue { get; set; } = string.Empty;

    [Parameter("address", "account", 4)]
    public string Account { get; set; } = string.Empty;

    [Parameter("bytes32", "market", 5)]
    public byte[] Market { get; set; } = new byte[32];

    [Parameter("int256", "sizeDelta", 6)]
    public BigInteger SizeDelta { get; set; }

    [Parameter("uint256", "price", 7)]
    public BigInteger Price { get; set; }

    /// <summary>The token the liquidation settles in with the vault's insurance fund.</summary>
    [Parameter("address", "token", 8)]
    public string Token { get; set; } = string.Empty;

    /// <summary>&gt; 0: the fee the account pays the fund; &lt; 0: the deficit the fund covers (token base units).</summary>
    [Parameter("int256", "fundTransfer", 9)]
    public BigInteger FundTransfer { get; set; }
}

/// <summary>
/// A committee-attested auto-deleveraging: <see cref="Account"/>'s position changes by
/// <see cref="SizeDelta"/> and <see cref="Counterparty"/>'s opposite one by its negation, both at
/// <see cref="Price"/> (the bankrupt account's bankruptcy price).
/// </summary>
public sealed class DeleverageStruct
{
    [Parameter("uint64", "nonce", 1)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }

    [Parameter("address", "venue", 3)]
    public string Venue { get; set; } = string.Empty;

    [Parameter("bytes32", "market", 4)]
    public byte[] Market { get; set; } = new byte[32];

    [Parameter("address", "account", 5)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "counterparty", 6)]
    public string Counterparty { get; set; } = string.Empty;

    [Parameter("int256", "sizeDelta", 7)]
    public BigInteger SizeDelta { get; set; }

    [Parameter("uint256", "price", 8)]
    public BigInteger Price { get; set; }
}

/// <summary>
/// A committee-attested collection of a liquidation fee the account could not pay on the venue's chain:
/// up to <see cref="Amount"/> of <see cref="Token"/> leaves the account's balance as a transfer to the
/// insurance fund of <see cref="LiquidationChainId"/>, once per liquidation (<see cref="LiquidationNonce"/> there).
/// </summary>
public sealed class FeeSweepStruct
{
    [Parameter("uint64", "nonce", 1)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }

    [Parameter("address", "account", 3)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 4)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 5)]
    public BigInteger Amount { get; set; }

    [Parameter("uint64", "liquidationChainId", 6)]
    public ulong LiquidationChainId { get; set; }

    [Parameter("uint64", "liquidationNonce", 7)]
    public ulong LiquidationNonce { get; set; }
}

/// <summary>A margin clearance: the committee's word that the account may withdraw.</summary>
public sealed class ClearanceStruct
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }

    [Parameter("uint64", "nonce", 4)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "expiry", 5)]
    public ulong Expiry { get; set; }
}

/// <summary>An ECDSA signature as the inbox takes it: v is 27 or 28, s in the lower half.</summary>
public sealed class SignatureStruct
{
    [Parameter("bytes32", "r", 1)]
    public byte[] R { get; set; } = new byte[32];

    [Parameter("bytes32", "s", 2)]
    public byte[] S { get; set; } = new byte[32];

    [Parameter("uint8", "v", 3)]
    public byte V { get; set; }
}

/// <summary>A move the account signed (EIP-712, the source vault's domain) for anyone to start.</summary>
public sealed class MoveRequestStruct
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "dstChainId", 2)]
    public ulong DstChainId { get; set; }

    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "recipient", 5)]
    public string Recipient { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 6)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "deadline", 7)]
    public ulong Deadline { get; set; }
}

/// <summary><c>BridgeMessages.TransferVoid</c>: transfer <see cref="TransferNonce"/> from <see cref="SrcChainId"/> never executes on the destination; its amount returns to <see cref="RefundTo"/>.</summary>
public sealed class TransferVoidStruct
{
    [Parameter("uint64", "nonce", 1)]
    public ulong Nonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }

    [Parameter("uint64", "srcChainId", 3)]
    public ulong SrcChainId { get; set; }

    [Parameter("uint64", "transferNonce", 4)]
    public ulong TransferNonce { get; set; }

    [Parameter("address", "token", 5)]
    public string Token { get; set; } = string.Empty;

    [Parameter("address", "recipient", 6)]
    public string Recipient { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 7)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "refundTo", 8)]
    public string RefundTo { get; set; } = string.Empty;
}
