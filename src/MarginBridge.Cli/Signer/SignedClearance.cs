using System.Numerics;

namespace MarginBridge.Cli.Signer;

/// <summary>One signed clearance: the amount is base units as a decimal string.</summary>
public sealed record SignedClearance(string Account, long ChainId, string Token, string Amount, ulong Nonce, ulong Expiry)
{
    public BigInteger Value => BigInteger.Parse(Amount, System.Globalization.CultureInfo.InvariantCulture);
}
