namespace MarginBridge.Abstractions.Chains;

/// <summary>Follows one chain (the grain key is its chain id): head, reorgs, finality, deposits.</summary>
public interface IChainRelayerGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the keep-alive reminder and starts polling; idempotent.</summary>
    Task Start();

    Task<ChainStatus> GetStatus();
}
