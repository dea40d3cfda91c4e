using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace MarginBridge.Chains.Contracts;

// Custom errors of the bridge contracts, decoded into types (SmartContractCustomErrorRevertException.DecodeError<T>()).

[Error("NotAdmin")]
public sealed class NotAdminError : IErrorDTO
{
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}

[Error("NotGuardian")]
public sealed class NotGuardianError : IErrorDTO
{
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}

[Error("ContractPaused")]
public sealed class ContractPausedError : IErrorDTO;

[Error("NotCommitteeMember")]
public sealed class NotCommitteeMemberError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}

[Error("NotWatcher")]
public sealed class NotWatcherError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}

[Error("BelowThreshold")]
public sealed class BelowThresholdError : IErrorDTO
{
    [Parameter("uint256", "signatures", 1)]
    public BigInteger Signatures { get; set; }

    [Parameter("uint256", "threshold", 2)]
    public BigInteger Threshold { get; set; }
}

[Error("SignersNotAscending")]
public sealed class SignersNotAscendingError : IErrorDTO
{
    [Parameter("address", "previous", 1)]
    public string Previous { get; set; } = string.Empty;

    [Parameter("address", "next", 2)]
    public string Next { get; set; } = string.Empty;
}

[Error("InvalidSignature")]
public sealed class InvalidSignatureError : IErrorDTO;

[Error("UnknownRoute")]
public sealed class UnknownRouteError : IErrorDTO
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;
}

[Error("RoutePaused")]
public sealed class RoutePausedError : IErrorDTO
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;
}

[Error("BatchAlreadySubmitted")]
public sealed class BatchAlreadySubmittedError : IErrorDTO
{
    [Parameter("uint64", "batchNumber", 1)]
    public ulong BatchNumber { get; set; }

    [Parameter("bytes32", "root", 2)]
    public byte[] Root { get; set; } = new byte[32];
}

[Error("UnknownBatch")]
public sealed class UnknownBatchError : IErrorDTO
{
    [Parameter("uint64", "batchNumber", 1)]
    public ulong BatchNumber { get; set; }
}

[Error("RootNotYetAcceptable")]
public sealed class RootNotYetAcceptableError : IErrorDTO
{
    [Parameter("uint64", "batchNumber", 1)]
    public ulong BatchNumber { get; set; }

    [Parameter("uint256", "acceptableAt", 2)]
    public BigInteger AcceptableAt { get; set; }
}

[Error("RootVoided")]
public sealed class RootVoidedError : IErrorDTO
{
    [Parameter("uint64", "batchNumber", 1)]
    public ulong BatchNumber { get; set; }
}

[Error("WrongDestination")]
public sealed class WrongDestinationError : IErrorDTO
{
    [Parameter("uint64", "dstChainId", 1)]
    public ulong DstChainId { get; set; }

    [Parameter("address", "dstContract", 2)]
    public string DstContract { get; set; } = string.Empty;
}

[Error("ZeroRecipient")]
public sealed class ZeroRecipientError : IErrorDTO;

[Error("MessageExpired")]
public sealed class MessageExpiredError : IErrorDTO
{
    [Parameter("uint64", "nonce", 1)]
    public ulong MessageNonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }
}

[Error("AlreadyExecuted")]
public sealed class AlreadyExecutedError : IErrorDTO
{
    [Parameter("uint64", "nonce", 1)]
    public ulong MessageNonce { get; set; }
}

[Error("FeeAlreadySwept")]
public sealed class FeeAlreadySweptError : IErrorDTO
{
    [Parameter("uint64", "liquidationChainId", 1)]
    public ulong LiquidationChainId { get; set; }

    [Parameter("uint64", "liquidationNonce", 2)]
    public ulong LiquidationNonce { get; set; }
}

[Error("InvalidProof")]
public sealed class InvalidProofError : IErrorDTO;

[Error("ClearanceExpired")]
public sealed class ClearanceExpiredError : IErrorDTO
{
    [Parameter("uint64", "nonce", 1)]
    public ulong ClearanceNonce { get; set; }

    [Parameter("uint64", "expiry", 2)]
    public ulong Expiry { get; set; }
}

[Error("ClearanceAlreadyUsed")]
public sealed class ClearanceAlreadyUsedError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 2)]
    public ulong ClearanceNonce { get; set; }
}

[Error("MoveExpired")]
public sealed class MoveExpiredError : IErrorDTO
{
    [Parameter("uint64", "nonce", 1)]
    public ulong MoveNonce { get; set; }

    [Parameter("uint64", "deadline", 2)]
    public ulong Deadline { get; set; }
}

[Error("MoveNonceUsed")]
public sealed class MoveNonceUsedError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 2)]
    public ulong MoveNonce { get; set; }
}

[Error("RateLimitExceeded")]
public sealed class RateLimitExceededError : IErrorDTO
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "available", 2)]
    public BigInteger Available { get; set; }

    [Parameter("uint256", "requested", 3)]
    public BigInteger Requested { get; set; }
}

[Error("InsufficientBalance")]
public sealed class InsufficientBalanceError : IErrorDTO
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "balance", 3)]
    public BigInteger Balance { get; set; }

    [Parameter("uint256", "requested", 4)]
    public BigInteger Requested { get; set; }
}

[Error("InsufficientLiquidity")]
public sealed class InsufficientLiquidityError : IErrorDTO
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "available", 2)]
    public BigInteger Available { get; set; }

    [Parameter("uint256", "requested", 3)]
    public BigInteger Requested { get; set; }
}

[Error("UnexpectedReceivedAmount")]
public sealed class UnexpectedReceivedAmountError : IErrorDTO
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "expected", 2)]
    public BigInteger Expected { get; set; }

    [Parameter("uint256", "received", 3)]
    public BigInteger Received { get; set; }
}

/// <summary>A venue's: a liquidation or deleveraging that would grow or flip the position.</summary>
[Error("LiquidationIncreasesPosition")]
public sealed class LiquidationIncreasesPositionError : IErrorDTO
{
    [Parameter("int256", "size", 1)]
    public BigInteger Size { get; set; }

    [Parameter("int256", "sizeDelta", 2)]
    public BigInteger SizeDelta { get; set; }
}
