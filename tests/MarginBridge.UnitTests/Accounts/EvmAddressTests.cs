using MarginBridge.Abstractions.Accounts;

namespace MarginBridge.UnitTests.Accounts;

public sealed class EvmAddressTests
{
    [Theory]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    [InlineData("0X70997970C51812DC3A010C7D01B50E0D17DC79C8", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    public void Address_IsNormalizedToLowerCaseWith0x(string text, string expected)
    {
        Assert.True(EvmAddress.TryNormalize(text, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c8aa")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79cg")]
    public void Malformed_IsRefused(string? text) => Assert.False(EvmAddress.TryNormalize(text, out _));
}
