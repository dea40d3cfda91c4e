namespace MarginBridge.Cli.Signer;

/// <summary>One signed fee sweep: on chain <paramref name="ChainId"/> with its liquidation-route nonce, for liquidation <paramref name="LiquidationNonce"/> of chain <paramref name="LiquidationChainId"/>.</summary>
public sealed record SignedFeeSweep(long ChainId, ulong Nonce, ulong Expiry, long LiquidationChainId, ulong LiquidationNonce);
