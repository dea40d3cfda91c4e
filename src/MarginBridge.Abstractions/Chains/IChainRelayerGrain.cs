using Orleans.Concurrency;

namespace MarginBridge.Abstractions.Chains;

/// <summary>Follows one chain (the grain key is its chain id): head, reorgs, finality, deposits.</summary>
public interface IChainRelayerGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the keep-alive reminder and starts polling; idempotent.</summary>
    Task Start();

    /// <summary>An operator reviewed the chain's reorgs deeper than finality; routes out of it resume. Returns how many were acknowledged.</summary>
    Task<int> AcknowledgeDeepReorgs();

    /// <summary>Answers between the awaits of a poll, so a hanging RPC endpoint never blocks the status.</summary>
    [AlwaysInterleave]
    Task<ChainStatus> GetStatus();
}
