using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.Chains.Contracts;

// Typed messages of contracts/src/TestToken.sol, the devnet's collateral token.

public sealed class TestTokenDeployment() : ContractDeploymentMessage(ContractArtifact.Load("TestToken").Bytecode)
{
    [Parameter("string", "name_", 1)]
    public string Name { get; set; } = string.Empty;

    [Parameter("string", "symbol_", 2)]
    public string Symbol { get; set; } = string.Empty;

    [Parameter("uint8", "decimals_", 3)]
    public byte Decimals { get; set; }
}

[Function("mint")]
public sealed class MintFunction : FunctionMessage
{
    [Parameter("address", "to", 1)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("approve", "bool")]
public sealed class ApproveFunction : FunctionMessage
{
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

[Function("balanceOf", "uint256")]
public sealed class TokenBalanceOfFunction : FunctionMessage
{
    [Parameter("address", "", 1)]
    public string Account { get; set; } = string.Empty;
}
