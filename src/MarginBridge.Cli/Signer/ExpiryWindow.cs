using MarginBridge.Chains.Configuration;

namespace MarginBridge.Cli.Signer;

/// <summary>What a member signs is good only for a short while by the chain's own clock: its expiry lies after the chain's time and at most a lifetime beyond it.</summary>
internal static class ExpiryWindow
{
    /// <summary>Null when <paramref name="expiry"/> lies in (<paramref name="now"/>, <paramref name="now"/> + <paramref name="lifetimeSeconds"/>]; otherwise why not.</summary>
    public static string? Refusal(ulong expiry, long now, int lifetimeSeconds, ChainOptions chain) =>
        expiry <= (ulong)now || expiry > (ulong)now + (ulong)lifetimeSeconds
            ? $"expiry {expiry} must be within {lifetimeSeconds} s after {chain.Name}'s time {now}"
            : null;
}
