using System.Reflection;
using MarginBridge.Chains.Contracts;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.UnitTests.Chains;

/// <summary>The hand-written typed messages must match the ABI that npm solc compiled from contracts/src.</summary>
public sealed class ContractBindingTests
{
    public static TheoryData<Type, string> TypedMessages()
    {
        var data = new TheoryData<Type, string>();
        foreach (var type in typeof(ContractArtifact).Assembly.GetTypes().Where(t => t.Namespace == typeof(ContractArtifact).Namespace))
        {
            var contract = type.Name switch
            {
                nameof(DepositFunction) or nameof(DepositForFunction) or nameof(NextDepositNonceFunction) or nameof(VaultBalanceOfFunction) or nameof(DepositedEvent) => "MarginVault",
                nameof(MintFunction) or nameof(ApproveFunction) or nameof(TokenBalanceOfFunction) => "TestToken",
                _ => null,
            };
            if (contract is not null)
            {
                data.Add(type, contract);
            }
        }

        return data;
    }

    [Fact]
    public void EveryTypedMessage_IsCoveredByThisTest()
    {
        var attributed = typeof(ContractArtifact).Assembly.GetTypes()
            .Count(t => t.GetCustomAttribute<FunctionAttribute>() is not null || t.GetCustomAttribute<EventAttribute>() is not null);
        Assert.Equal(attributed, TypedMessages().Count);
    }

    [Theory]
    [MemberData(nameof(TypedMessages))]
    public void TypedMessage_MatchesTheCompiledAbi(Type message, string contract)
    {
        var abi = ABIDeserialiserFactory.DeserialiseContractABI(ContractArtifact.Load(contract).Abi);
        if (message.GetCustomAttribute<EventAttribute>() is not null)
        {
            var typed = ABITypedRegistry.GetEvent(message);
            var compiled = Assert.Single(abi.Events, e => e.Sha3Signature == typed.Sha3Signature);
            Assert.Equal(compiled.InputParameters.Select(p => (p.Name, p.Indexed)), typed.InputParameters.Select(p => (p.Name, p.Indexed)));
        }
        else
        {
            var typed = ABITypedRegistry.GetFunctionABI(message);
            var compiled = Assert.Single(abi.Functions, f => f.Sha3Signature == typed.Sha3Signature);
            Assert.Equal((compiled.OutputParameters ?? []).Select(p => p.Type), (typed.OutputParameters ?? []).Select(p => p.Type));
        }
    }

    [Theory]
    [InlineData("MarginVault")]
    [InlineData("TestToken")]
    public void Artifact_HasDeployableBytecode(string contract) =>
        Assert.StartsWith("0x60", ContractArtifact.Load(contract).Bytecode, StringComparison.Ordinal);
}
