using MarginBridge.Abstractions.Prices;
using MarginBridge.Margin;

namespace MarginBridge.Grains.Margin;

/// <summary>
/// The prices margin decisions may use, USD × 1e8 per asset: the quote asset at par, every other
/// asset at its oracle's answer unless that is stale or unread (then the asset has a reason instead).
/// </summary>
public sealed class PriceBoard
{
    /// <summary>The asset whose unit is the margin method's quote unit: priced at par without a feed.</summary>
    public const string QuoteAsset = "USDC";

    private readonly Dictionary<string, long> _prices = new(StringComparer.Ordinal) { [QuoteAsset] = Scales.Price };
    private readonly Dictionary<string, string> _unusable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _openInterest = new(StringComparer.Ordinal);

    public PriceBoard(IEnumerable<PriceStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            Set(status);
        }
    }

    /// <summary>Takes an oracle's latest status.</summary>
    public void Set(PriceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _prices.Remove(status.Asset);
        _unusable.Remove(status.Asset);
        _openInterest[status.Asset] = status.OpenInterest;
        if (status.Price <= 0)
        {
            _unusable[status.Asset] = "no price (not read yet)";
        }
        else if (status.Stale is { } stale)
        {
            _unusable[status.Asset] = $"its price is stale: {stale}";
        }
        else
        {
            _prices[status.Asset] = status.Price;
        }
    }

    /// <summary>The perpetual open interest on the asset its oracle last read (quantity units); 0 when none was read.</summary>
    public long OpenInterestOf(string asset) => _openInterest.GetValueOrDefault(asset);

    /// <summary>The usable price, or false with the reason there is none.</summary>
    public bool TryGet(string asset, out long price, out string reason)
    {
        if (_prices.TryGetValue(asset, out price))
        {
            reason = string.Empty;
            return true;
        }

        reason = _unusable.TryGetValue(asset, out var why) ? why : "no price (no feed for the asset)";
        return false;
    }
}
