using System.Numerics;
using MarginBridge.Chains.Configuration;

namespace MarginBridge.UnitTests.Margin;

/// <summary>What the live-book tests share: an app-chain with USDC collateral, a clock, the venues' 18-decimal unit.</summary>
internal static class LiveAccounts
{
    public const string Usdc = "0x00000000000000000000000000000000000000c1";
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);

    public static MarginBridgeOptions Options(params MarketOptions[] markets) => new()
    {
        Chains = [new ChainOptions { Name = "appchain", Kind = Abstractions.Chains.LayerKind.AppChain, ChainId = 31004, Tokens = [new TokenOptions { Asset = "USDC", Address = Usdc, Decimals = 6 }] }],
        Markets = [.. markets],
    };
}
