using System.Numerics;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Liquidations;

namespace MarginBridge.UnitTests.Chains;

public sealed class FundSettlementTests
{
    [Theory]
    [InlineData(6, "1234567", "1234567")]
    [InlineData(18, "1234567", "1234567000000000000")]
    [InlineData(2, "1234567", "123")]
    [InlineData(2, "-1234567", "-123")]
    public void QuoteUnits_BecomeTokenBaseUnits_RoundedTowardZero(int decimals, string quote, string expected) =>
        Assert.Equal(BigInteger.Parse(expected), FundSettlement.ToBaseUnits(new TokenOptions { Asset = "USDC", Decimals = decimals }, BigInteger.Parse(quote)));

    [Theory]
    [InlineData(6, "1234567", "1234567")]
    [InlineData(18, "1234567999999999999", "1234567")]
    [InlineData(2, "123", "1230000")]
    public void TokenBaseUnits_BecomeQuoteUnits_RoundedTowardZero(int decimals, string baseUnits, string expected) =>
        Assert.Equal(BigInteger.Parse(expected), FundSettlement.ToQuoteUnits(new TokenOptions { Asset = "USDC", Decimals = decimals }, BigInteger.Parse(baseUnits)));

    [Fact]
    public void TheSettlementToken_IsTheChainsUsdc()
    {
        var usdc = new TokenOptions { Asset = "USDC", Decimals = 6 };
        Assert.Same(usdc, FundSettlement.TokenOf(new ChainOptions { Tokens = [new TokenOptions { Asset = "WETH", Decimals = 18 }, usdc] }));
        Assert.Null(FundSettlement.TokenOf(new ChainOptions { Tokens = [new TokenOptions { Asset = "WETH", Decimals = 18 }] }));
    }
}
