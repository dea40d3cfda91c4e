using System.Numerics;

namespace MarginBridge.Abstractions.Accounts;

/// <summary>The instrument of a venue market, as <c>IVenueAdapter.Instrument</c> numbers it.</summary>
public enum Instrument
{
    Perpetual = 0,
    Call = 1,
    Put = 2,
}

/// <summary>
/// A <c>PositionChanged</c> event of a venue (<c>IVenueAdapter</c>): the account's position in one
/// market after a fill. Sizes and prices are 18-decimal fixed point, as the adapter defines them.
/// </summary>
/// <param name="Venue">Lower-case 0x address of the venue contract.</param>
/// <param name="Market">The market id (bytes32 as 0x hex).</param>
/// <param name="Size">Signed size after the change (negative is short), 1e18 per unit of the underlying.</param>
/// <param name="Price">Fill price, USD × 1e18.</param>
/// <param name="Strike">Options: USD × 1e18; 0 for perpetuals.</param>
/// <param name="Expiry">Options: Unix seconds; 0 for perpetuals.</param>
[GenerateSerializer, Immutable]
public sealed record PositionChange(
    long ChainId,
    [property: Id(0)] string Venue,
    [property: Id(1)] string Market,
    string Account,
    [property: Id(2)] Instrument Instrument,
    [property: Id(3)] BigInteger Size,
    [property: Id(4)] BigInteger Price,
    [property: Id(5)] BigInteger Strike,
    [property: Id(6)] long Expiry,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    long LogIndex) : ChainEvent(ChainId, Account, BlockNumber, BlockHash, TransactionHash, LogIndex)
{
    public override string Key => $"position:{ChainId}:{BlockNumber}:{LogIndex}";

    /// <summary>The position this change updates: one per account, venue and market.</summary>
    public string PositionKey => $"{ChainId}:{Venue}:{Market}";
}
