using System.Numerics;

namespace MarginBridge.Chains.Contracts;

/// <summary>
/// Venues and bridge instructions carry sizes and prices with 18 decimals; the margin library works
/// with 8 (<c>Scales.Quantity</c>, <c>Scales.Price</c>). One library unit is this many venue units.
/// </summary>
public static class VenueScale
{
    public static readonly BigInteger PerLibraryUnit = BigInteger.Pow(10, 10);
}
