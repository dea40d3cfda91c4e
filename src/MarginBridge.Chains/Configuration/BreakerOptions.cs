namespace MarginBridge.Chains.Configuration;

/// <summary>The circuit breakers' common settings.</summary>
public sealed class BreakerOptions
{
    /// <summary>How long every trigger must stay clear while a breaker probes (HalfOpen) before it closes.</summary>
    public int ProbeSeconds { get; set; } = 30;

    /// <summary>A chain whose relayer has not completed a poll for this long opens the chain's breaker (dYdX halts withdrawals after 5 minutes).</summary>
    public int UnreachableSeconds { get; set; } = 300;

    /// <summary>Per asset: a token bucket of whole tokens for transfers leaving vaults and cleared withdrawals; beyond it the asset's breaker opens.</summary>
    public Dictionary<string, OutflowLimitOptions> OutflowLimits { get; set; } = [];

    /// <summary>Per asset: a single transfer above <c>Threshold</c> whole tokens waits <c>DelaySeconds</c> more before it is batched (DESIGN §4), time for an operator to look.</summary>
    public Dictionary<string, LargeTransferOptions> LargeTransfers { get; set; } = [];

    /// <summary>A chain whose head has not advanced for this long opens the chain's breaker; 0 turns the check off (chains that mine only on demand).</summary>
    public int StalledHeadSeconds { get; set; } = 120;

    /// <summary>How often the relayer asks every endpoint for the hash of the chain's hard-final block; endpoints naming different hashes open the chain's breaker.</summary>
    public int EndpointAgreementSeconds { get; set; } = 10;

    /// <summary>New withdrawals and moves halt (breaker <c>outflows</c>) while the accounts exposed to one asset are this many USD below maintenance in total.</summary>
    public long UnderMarginedLimitUsd { get; set; } = 1_000_000;

    /// <summary>
    /// New withdrawals and moves halt (breaker <c>outflows</c>) for this many blocks of the chain that
    /// hosts the price feed whose move took an account below zero (dYdX gates withdrawals for 50 blocks).
    /// </summary>
    public int NegativeEquityHaltBlocks { get; set; } = 50;

    /// <summary>
    /// Optional: the file with the key of the vaults' guardian role. With it, an open global breaker
    /// pauses the vault on every chain; only the vaults' admin can unpause them.
    /// </summary>
    public string GuardianKeyFile { get; set; } = string.Empty;
}

/// <summary>A token bucket: up to <see cref="Capacity"/> whole tokens at once, refilled at <see cref="PerSecond"/>.</summary>
public sealed class OutflowLimitOptions
{
    public decimal Capacity { get; set; }

    public decimal PerSecond { get; set; }
}

/// <summary>What makes a transfer large, in whole tokens, and how much longer it waits.</summary>
public sealed class LargeTransferOptions
{
    public decimal Threshold { get; set; }

    public int DelaySeconds { get; set; }
}
