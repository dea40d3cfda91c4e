using MarginBridge.Abstractions.Liquidations;

namespace MarginBridge.Grains.Liquidations;

[GenerateSerializer]
public sealed class InsuranceFundState
{
    /// <summary>The settlements already booked (account:nonce).</summary>
    [Id(1)]
    public HashSet<string> Booked { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest bookings, newest last.</summary>
    [Id(2)]
    public List<FundBooking> Recent { get; set; } = [];
}
