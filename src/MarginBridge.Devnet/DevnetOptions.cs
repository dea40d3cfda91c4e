using MarginBridge.Chains.Configuration;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.Devnet;

/// <summary>How to start a devnet.</summary>
public sealed class DevnetOptions
{
    public required string DataDirectory { get; init; }

    public required DevnetProfile Profile { get; init; }

    public int SiloCount { get; init; } = 1;

    /// <summary>
    /// True: chains mine at the profile's block times (the interactive devnet). False: one block per
    /// transaction, and tests mine and move time themselves.
    /// </summary>
    public bool UseBlockTimes { get; init; } = true;

    public string SiloAssemblyPath { get; init; } = SiloNode.DefaultAssemblyPath;

    /// <summary>Changes a chain's configuration after deployment, before the silos read it (e.g. RPC URLs through a fault proxy).</summary>
    public Action<ChainOptions, AnvilNode>? AdjustChain { get; init; }

    /// <summary>Changes a committee member's endpoints for a chain (member number from 1, chain, default URLs), e.g. through fault proxies.</summary>
    public Func<int, DevnetChain, IReadOnlyList<string>, IReadOnlyList<string>>? AdjustSignerEndpoints { get; init; }
}
