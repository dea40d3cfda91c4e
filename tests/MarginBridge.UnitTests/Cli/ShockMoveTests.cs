using MarginBridge.Cli.Commands;

namespace MarginBridge.UnitTests.Cli;

public sealed class ShockMoveTests
{
    [Theory]
    [InlineData("-30%", -30)]
    [InlineData("+15%", 15)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+1000%", 1000)]
    public void SignedPercentage_IsParsed(string text, decimal expected)
    {
        Assert.True(ShockMove.TryParse(text, out var percent, out var error), error);
        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData("30%", "signed percentage")]
    [InlineData("-", "signed percentage")]
    [InlineData("-x%", "signed percentage")]
    [InlineData("-100%", "above -100%")]
    [InlineData("+1001%", "at most +1000%")]
    public void AnythingElse_IsRefusedWithTheRule(string text, string rule)
    {
        Assert.False(ShockMove.TryParse(text, out _, out var error));
        Assert.Contains(rule, error, StringComparison.Ordinal);
    }
}
