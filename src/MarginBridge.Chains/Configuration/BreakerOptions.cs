namespace MarginBridge.Chains.Configuration;

/// <summary>The circuit breakers' common settings.</summary>
public sealed class BreakerOptions
{
    /// <summary>How long every trigger must stay clear while a breaker probes (HalfOpen) before it closes.</summary>
    public int ProbeSeconds { get; set; } = 30;

    /// <summary>A chain whose relayer has not completed a poll for this long opens the chain's breaker (dYdX halts withdrawals after 5 minutes).</summary>
    public int UnreachableSeconds { get; set; } = 300;

    /// <summary>New withdrawals and moves halt (breaker <c>outflows</c>) for this long after any account is seen with negative equity (dYdX gates withdrawals for 50 blocks).</summary>
    public int NegativeEquityHaltSeconds { get; set; } = 60;

    /// <summary>
    /// Optional: the file with the key of the vaults' guardian role. With it, an open global breaker
    /// pauses the vault on every chain; only the vaults' admin can unpause them.
    /// </summary>
    public string GuardianKeyFile { get; set; } = string.Empty;
}
