using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Chains;

namespace MarginBridge.Chains.Configuration;

/// <summary>One chain the bridge serves (<c>MarginBridge:Chains:n</c>).</summary>
public sealed class ChainOptions
{
    public string Name { get; set; } = string.Empty;

    public LayerKind Kind { get; set; }

    public long ChainId { get; set; }

    /// <summary>Several independent endpoints; the pool fails over between them.</summary>
    public List<string> RpcUrls { get; set; } = [];

    /// <summary>The chain's MarginVault address.</summary>
    public string Vault { get; set; } = string.Empty;

    /// <summary>The block the vault was deployed in; scanning starts there.</summary>
    public long StartBlock { get; set; }

    public List<TokenOptions> Tokens { get; set; } = [];

    /// <summary>Derivative venues on this chain (IVenueAdapter contracts) whose positions are margined.</summary>
    public List<string> Venues { get; set; } = [];

    public FinalityOptions Finality { get; set; } = new();

    /// <summary>The listed token at <paramref name="address"/> (any letter case), or null.</summary>
    public TokenOptions? FindToken(string address) =>
        EvmAddress.TryNormalize(address, out var normalized) ? Tokens.Find(t => EvmAddress.Normalize(t.Address) == normalized) : null;
}

/// <summary>A listed collateral token on one chain.</summary>
public sealed class TokenOptions
{
    public string Asset { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public int Decimals { get; set; }

    /// <summary>Base units as whole tokens, to 6 decimals (rounded toward zero).</summary>
    public decimal ToWholeUnits(System.Numerics.BigInteger baseUnits)
    {
        var kept = Math.Min(Decimals, 6);
        var scaled = baseUnits / System.Numerics.BigInteger.Pow(10, Decimals - kept);
        return (decimal)scaled / (decimal)Math.Pow(10, kept);
    }
}

/// <summary>The finality parameters of a chain; which one applies depends on its <see cref="LayerKind"/>.</summary>
public sealed class FinalityOptions
{
    /// <summary>L1: blocks (including the deposit's own) before a block is hard-final.</summary>
    public int Confirmations { get; set; } = 12;

    /// <summary>Optimistic rollup: seconds of chain time until the challenge window has elapsed.</summary>
    public int ChallengeWindowSeconds { get; set; } = 604_800;

    /// <summary>ZkRollup: seconds of chain time until the batch is proven on L1.</summary>
    public int ProofDelaySeconds { get; set; } = 3_600;
}
