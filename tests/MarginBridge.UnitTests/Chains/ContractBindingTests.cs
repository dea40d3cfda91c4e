using System.Reflection;
using MarginBridge.Chains.Contracts;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;
using Nethereum.Contracts;

namespace MarginBridge.UnitTests.Chains;

/// <summary>The hand-written typed messages, events and errors must match the ABI that npm solc compiled from contracts/src.</summary>
public sealed class ContractBindingTests
{
    private static readonly string[] Contracts = ["MarginVault", "TestToken", "ReferenceVenue", "PriceFeed"];

    private static readonly ContractABI[] Compiled =
        [.. Contracts.Select(c => ABIDeserialiserFactory.DeserialiseContractABI(ContractArtifact.Load(c).Abi))];

    public static TheoryData<Type> TypedBindings() => new(typeof(ContractArtifact).Assembly.GetTypes().Where(t =>
        t.GetCustomAttribute<FunctionAttribute>() is not null || t.GetCustomAttribute<EventAttribute>() is not null || t.GetCustomAttribute<ErrorAttribute>() is not null));

    [Theory]
    [MemberData(nameof(TypedBindings))]
    public void TypedBinding_MatchesACompiledContract(Type binding)
    {
        if (binding.GetCustomAttribute<EventAttribute>() is not null)
        {
            var typed = ABITypedRegistry.GetEvent(binding);
            var compiled = Compiled.SelectMany(c => c.Events).Where(e => e.Sha3Signature == typed.Sha3Signature).ToList();
            Assert.Contains(compiled, e => e.InputParameters.Select(p => (p.Name, p.Indexed)).SequenceEqual(typed.InputParameters.Select(p => (p.Name, p.Indexed))));
        }
        else if (binding.GetCustomAttribute<ErrorAttribute>() is not null)
        {
            var typed = ABITypedRegistry.GetError(binding);
            Assert.Contains(Compiled.SelectMany(c => c.Errors), e => e.Sha3Signature == typed.Sha3Signature);
        }
        else
        {
            var typed = ABITypedRegistry.GetFunctionABI(binding);
            var compiled = Compiled.SelectMany(c => c.Functions).Where(f => f.Sha3Signature == typed.Sha3Signature).ToList();
            Assert.Contains(compiled, f => (f.OutputParameters ?? []).Select(p => p.Type).SequenceEqual((typed.OutputParameters ?? []).Select(p => p.Type)));
        }
    }

    [Theory]
    [InlineData("MarginVault")]
    [InlineData("TestToken")]
    [InlineData("ReferenceVenue")]
    public void Artifact_HasDeployableBytecode(string contract) =>
        Assert.StartsWith("0x60", ContractArtifact.Load(contract).Bytecode, StringComparison.Ordinal);
}
