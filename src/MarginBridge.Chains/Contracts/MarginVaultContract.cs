using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.Chains.Contracts;

// Typed messages of contracts/src/MarginVault.sol. Each signature is checked against the compiled
// ABI by ContractBindingTests, so a contract change that is not mirrored here fails the build's tests.

public sealed class MarginVaultDeployment() : ContractDeploymentMessage(ContractArtifact.Load("MarginVault").Bytecode)
{
    [Parameter("address", "admin_", 1)]
    public string Admin { get; set; } = string.Empty;

    [Parameter("address", "guardian_", 2)]
    public string Guardian { get; set; } = string.Empty;
}

[Function("deposit", "uint64")]
public sealed class DepositFunction : FunctionMessage
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("depositFor", "uint64")]
public sealed class DepositForFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }
}

[Function("nextDepositNonce", "uint64")]
public sealed class NextDepositNonceFunction : FunctionMessage;

[Function("balanceOf", "uint256")]
public sealed class VaultBalanceOfFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;
}

[Event("Deposited")]
public sealed class DepositedEvent : IEventDTO
{
    [Parameter("uint64", "nonce", 1, true)]
    public ulong Nonce { get; set; }

    [Parameter("address", "account", 2, true)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 3, true)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    [Parameter("uint256", "balanceAfter", 5, false)]
    public BigInteger BalanceAfter { get; set; }
}

[Function("provideLiquidity")]
public sealed class ProvideLiquidityFunction : FunctionMessage
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("liquidity", "uint256")]
public sealed class LiquidityFunction : FunctionMessage
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;
}

[Function("fundInsurance")]
public sealed class FundInsuranceFunction : FunctionMessage
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("insuranceFund", "uint256")]
public sealed class InsuranceFundFunction : FunctionMessage
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;
}

[Function("setRemoteVault")]
public sealed class SetRemoteVaultFunction : FunctionMessage
{
    [Parameter("uint64", "chainId", 1)]
    public ulong ChainId { get; set; }

    [Parameter("address", "vault", 2)]
    public string Vault { get; set; } = string.Empty;
}

[Function("setRemoteToken")]
public sealed class SetRemoteTokenFunction : FunctionMessage
{
    [Parameter("uint64", "chainId", 1)]
    public ulong ChainId { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("address", "remote", 3)]
    public string Remote { get; set; } = string.Empty;
}

[Function("initiateTransfer", typeof(InitiateTransferOutput))]
public sealed class InitiateTransferFunction : FunctionMessage
{
    [Parameter("uint64", "dstChainId", 1)]
    public ulong DstChainId { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "recipient", 4)]
    public string Recipient { get; set; } = string.Empty;
}

[FunctionOutput]
public sealed class InitiateTransferOutput : IFunctionOutputDTO
{
    [Parameter("uint64", "nonce", 1)]
    public ulong Nonce { get; set; }

    [Parameter("bytes32", "leaf", 2)]
    public byte[] Leaf { get; set; } = new byte[32];
}

[Function("initiateSignedTransfer", typeof(InitiateTransferOutput))]
public sealed class InitiateSignedTransferFunction : FunctionMessage
{
    [Parameter("tuple", "move", 1)]
    public MoveRequestStruct Move { get; set; } = new();

    [Parameter("tuple", "signature", 2)]
    public SignatureStruct Signature { get; set; } = new();
}

[Function("usedMoveNonces", "bool")]
public sealed class UsedMoveNoncesFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 2)]
    public ulong MoveNonce { get; set; }
}

[Function("withdraw")]
public sealed class WithdrawFunction : FunctionMessage
{
    [Parameter("tuple", "clearance", 1)]
    public ClearanceStruct Clearance { get; set; } = new();

    [Parameter("tuple[]", "signatures", 2)]
    public List<SignatureStruct> Signatures { get; set; } = [];
}

[Function("executeTransfer")]
public sealed class ExecuteTransferFunction : FunctionMessage
{
    [Parameter("tuple", "route", 1)]
    public RouteStruct Route { get; set; } = new();

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }

    [Parameter("tuple", "transfer", 3)]
    public TransferStruct Transfer { get; set; } = new();

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];
}

[Function("executeTransfers")]
public sealed class ExecuteTransfersFunction : FunctionMessage
{
    [Parameter("tuple", "route", 1)]
    public RouteStruct Route { get; set; } = new();

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }

    [Parameter("tuple[]", "transfers", 3)]
    public List<TransferStruct> Transfers { get; set; } = [];

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];

    [Parameter("bytes", "proofFlags", 5)]
    public byte[] ProofFlags { get; set; } = [];
}

[Function("executeDeleverage")]
public sealed class ExecuteDeleverageFunction : FunctionMessage
{
    [Parameter("tuple", "route", 1)]
    public RouteStruct Route { get; set; } = new();

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }

    [Parameter("tuple", "deleverage", 3)]
    public DeleverageStruct Deleverage { get; set; } = new();

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];
}

[Function("executeLiquidation")]
public sealed class ExecuteLiquidationFunction : FunctionMessage
{
    [Parameter("tuple", "route", 1)]
    public RouteStruct Route { get; set; } = new();

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }

    [Parameter("tuple", "liquidation", 3)]
    public LiquidationStruct Liquidation { get; set; } = new();

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];
}

[Function("executeFeeSweep")]
public sealed class ExecuteFeeSweepFunction : FunctionMessage
{
    [Parameter("tuple", "route", 1)]
    public RouteStruct Route { get; set; } = new();

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }

    [Parameter("tuple", "sweep", 3)]
    public FeeSweepStruct Sweep { get; set; } = new();

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];
}

[Function("voidTransfer")]
public sealed class VoidTransferFunction : FunctionMessage
{
    [Parameter("tuple", "route", 1)]
    public RouteStruct Route { get; set; } = new();

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }

    [Parameter("tuple", "transferVoid", 3)]
    public TransferVoidStruct TransferVoid { get; set; } = new();

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];
}

[Event("TransferVoided")]
public sealed class TransferVoidedEvent : IEventDTO
{
    [Parameter("bytes32", "leaf", 1, true)]
    public byte[] Leaf { get; set; } = new byte[32];

    [Parameter("uint64", "srcChainId", 2, true)]
    public ulong SrcChainId { get; set; }

    [Parameter("uint64", "transferNonce", 3, false)]
    public ulong TransferNonce { get; set; }

    [Parameter("address", "refundTo", 4, false)]
    public string RefundTo { get; set; } = string.Empty;

    [Parameter("uint64", "returnNonce", 5, false)]
    public ulong ReturnNonce { get; set; }

    [Parameter("bytes32", "returnLeaf", 6, false)]
    public byte[] ReturnLeaf { get; set; } = new byte[32];
}

[Function("feeSwept", "bool")]
public sealed class FeeSweptFunction : FunctionMessage
{
    [Parameter("uint64", "liquidationChainId", 1)]
    public ulong LiquidationChainId { get; set; }

    [Parameter("uint64", "liquidationNonce", 2)]
    public ulong LiquidationNonce { get; set; }
}

[Event("FeeSwept")]
public sealed class FeeSweptEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "liquidationChainId", 2, true)]
    public ulong LiquidationChainId { get; set; }

    [Parameter("uint64", "liquidationNonce", 3, true)]
    public ulong LiquidationNonce { get; set; }

    [Parameter("address", "token", 4, false)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "requested", 5, false)]
    public BigInteger Requested { get; set; }

    [Parameter("uint256", "moved", 6, false)]
    public BigInteger Moved { get; set; }

    [Parameter("uint64", "transferNonce", 7, false)]
    public ulong TransferNonce { get; set; }
}

[Event("TransferInitiated")]
public sealed class TransferInitiatedEvent : IEventDTO
{
    [Parameter("bytes32", "leaf", 1, true)]
    public byte[] Leaf { get; set; } = new byte[32];

    [Parameter("uint64", "dstChainId", 2, true)]
    public ulong DstChainId { get; set; }

    [Parameter("uint64", "nonce", 3, true)]
    public ulong Nonce { get; set; }

    [Parameter("address", "account", 4, false)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 5, false)]
    public string Token { get; set; } = string.Empty;

    [Parameter("address", "dstToken", 6, false)]
    public string DstToken { get; set; } = string.Empty;

    [Parameter("address", "recipient", 7, false)]
    public string Recipient { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 8, false)]
    public BigInteger Amount { get; set; }
}

[Function("sentMessages", "bool")]
public sealed class SentMessagesFunction : FunctionMessage
{
    [Parameter("bytes32", "leaf", 1)]
    public byte[] Leaf { get; set; } = new byte[32];
}

[Event("Withdrawn")]
public sealed class WithdrawnEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 2, true)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }

    [Parameter("uint64", "clearanceNonce", 4, false)]
    public ulong ClearanceNonce { get; set; }
}

[Event("LiquidationSettled")]
public sealed class LiquidationSettledEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)]
    public string Account { get; set; } = string.Empty;

    [Parameter("address", "token", 2, true)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 3, true)]
    public ulong Nonce { get; set; }

    [Parameter("int256", "requested", 4, false)]
    public BigInteger Requested { get; set; }

    /// <summary>&gt; 0: from the account into the fund; &lt; 0: from the fund to the account.</summary>
    [Parameter("int256", "moved", 5, false)]
    public BigInteger Moved { get; set; }
}

[Function("usedClearances", "bool")]
public sealed class UsedClearancesFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 2)]
    public ulong ClearanceNonce { get; set; }
}
