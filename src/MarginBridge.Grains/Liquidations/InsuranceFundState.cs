using System.Numerics;

namespace MarginBridge.Grains.Liquidations;

[GenerateSerializer]
public sealed class InsuranceFundState
{
    [Id(0)]
    public BigInteger Balance { get; set; }

    /// <summary>The liquidations already booked (account:nonce).</summary>
    [Id(1)]
    public HashSet<string> Booked { get; set; } = new(StringComparer.Ordinal);
}
