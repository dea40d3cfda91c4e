using MarginBridge.Chains.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace MarginBridge.UnitTests.Chains;

public sealed class RevertReasonsTests
{
    [Fact]
    public void ACustomError_IsNamedWithItsArguments()
    {
        var selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("InsufficientLiquidity(address,uint256,uint256)"))[..4];
        var data = selector
            .Concat(new byte[12]).Concat("00000000000000000000000000000000000000aa".HexToByteArray())
            .Concat(new byte[31]).Append((byte)100)
            .Concat(new byte[31]).Append((byte)250)
            .ToArray();
        var description = RevertReasons.Describe(data);
        Assert.Equal("InsufficientLiquidity(0x00000000000000000000000000000000000000aa, 100, 250)", description);
        Assert.Equal("InsufficientLiquidity", RevertReasons.NameOf(description));
    }

    [Fact]
    public void AnUnknownSelector_IsSaidToBeUnknown() =>
        Assert.Equal("reverted with unknown error 0xdeadbeef", RevertReasons.Describe("deadbeef".HexToByteArray()));
}
