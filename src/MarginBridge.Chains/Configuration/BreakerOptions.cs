namespace MarginBridge.Chains.Configuration;

/// <summary>The circuit breakers' common settings.</summary>
public sealed class BreakerOptions
{
    /// <summary>How long every trigger must stay clear while a breaker probes (HalfOpen) before it closes.</summary>
    public int ProbeSeconds { get; set; } = 30;
}
