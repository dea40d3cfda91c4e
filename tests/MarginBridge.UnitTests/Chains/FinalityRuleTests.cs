using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Finality;

namespace MarginBridge.UnitTests.Chains;

public sealed class FinalityRuleTests
{
    private static readonly FinalityOptions Finality = new() { Confirmations = 3, ChallengeWindowSeconds = 20, ProofDelaySeconds = 10 };

    private static BlockRef Head(long number, long timestamp) => new(number, "0xhead", "0xparent", timestamp);

    [Theory]
    [InlineData(100, 100, false)]
    [InlineData(100, 101, false)]
    [InlineData(100, 102, true)]
    [InlineData(100, 150, true)]
    public void L1_IsHardFinal_AfterConfiguredConfirmationsCountingItsOwnBlock(long block, long head, bool expected) =>
        Assert.Equal(expected, FinalityRule.IsHardFinal(LayerKind.L1, Finality, block, 0, Head(head, 0)));

    [Theory]
    [InlineData(1_000, 1_019, false)]
    [InlineData(1_000, 1_020, true)]
    public void Optimistic_IsHardFinal_OnceTheChallengeWindowElapsedInChainTime(long blockTime, long headTime, bool expected) =>
        Assert.Equal(expected, FinalityRule.IsHardFinal(LayerKind.Optimistic, Finality, 10, blockTime, Head(5_000, headTime)));

    [Theory]
    [InlineData(1_000, 1_009, false)]
    [InlineData(1_000, 1_010, true)]
    public void ZkRollup_IsHardFinal_OnceTheProofDelayElapsedInChainTime(long blockTime, long headTime, bool expected) =>
        Assert.Equal(expected, FinalityRule.IsHardFinal(LayerKind.ZkRollup, Finality, 10, blockTime, Head(11, headTime)));

    [Fact]
    public void AppChain_IsHardFinal_InTheBlockThatIncludesIt() =>
        Assert.True(FinalityRule.IsHardFinal(LayerKind.AppChain, Finality, 10, 0, Head(10, 0)));

    [Theory]
    [InlineData(LayerKind.L1)]
    [InlineData(LayerKind.Optimistic)]
    [InlineData(LayerKind.ZkRollup)]
    [InlineData(LayerKind.AppChain)]
    public void AnyKind_IsNotHardFinal_ForABlockAboveTheHead(LayerKind kind) =>
        Assert.False(FinalityRule.IsHardFinal(kind, Finality, 11, 0, Head(10, 1_000_000)));
}
