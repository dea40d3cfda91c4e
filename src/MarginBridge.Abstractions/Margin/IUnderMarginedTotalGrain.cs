namespace MarginBridge.Abstractions.Margin;

/// <summary>
/// The under-margined equity of every account exposed to one asset (key: the asset), summed over
/// its exposure shards (DESIGN §4): beyond <c>Breakers:UnderMarginedLimitUsd</c> the outflows breaker
/// opens, halting new withdrawals and moves while liquidations go on.
/// </summary>
public interface IUnderMarginedTotalGrain : IGrainWithStringKey
{
    /// <summary>One shard's Σ (MM − equity) over its accounts below maintenance, quote units.</summary>
    Task Report(int shard, long underMargined);
}
