using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.Chains.Contracts;

// Typed messages of contracts/src/MarginVault.sol. Each signature is checked against the compiled
// ABI by ContractBindingTests, so a contract change that is not mirrored here fails the build's tests.

public sealed class MarginVaultDeployment() : ContractDeploymentMessage(ContractArtifact.Load("MarginVault").Bytecode);

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
