using MarginBridge.Chains.Configuration;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.Devnet;

/// <summary>A running devnet chain: its configuration as the silos see it, its anvil node and its contracts.</summary>
public sealed record DevnetChain(ChainOptions Options, AnvilNode Node, ChainDeployment Contracts, int? BlockTimeSeconds);
