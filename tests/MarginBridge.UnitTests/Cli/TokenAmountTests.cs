using System.Numerics;
using MarginBridge.Cli.Views;

namespace MarginBridge.UnitTests.Cli;

public sealed class TokenAmountTests
{
    [Theory]
    [InlineData("25000000000", 6, "25,000")]
    [InlineData("1500250000", 6, "1,500.25")]
    [InlineData("1", 6, "0.000001")]
    [InlineData("-1500000", 6, "-1.5")]
    [InlineData("123456789012345678901234567890", 18, "123,456,789,012.34567890123456789")]
    [InlineData("42", null, "42")]
    public void Format_IsExact(string baseUnits, int? decimals, string expected) =>
        Assert.Equal(expected, TokenAmount.Format(baseUnits, decimals));

    [Theory]
    [InlineData("1500", 6, "1500000000")]
    [InlineData("0.25", 6, "250000")]
    [InlineData("0.000001", 6, "1")]
    public void Parse_GivesBaseUnits(string text, int decimals, string expected) =>
        Assert.Equal(BigInteger.Parse(expected), TokenAmount.Parse(text, decimals));

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("-1")]
    [InlineData("1e6")]
    [InlineData("")]
    [InlineData("1.2.3")]
    public void Parse_RefusesWhatIsNotAnAmountOfThatToken(string text) =>
        Assert.Throws<FormatException>(() => TokenAmount.Parse(text, 6));
}
