using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Configuration;

/// <summary>
/// One venue market (<c>MarginBridge:Markets:n</c>): its id as venues name it on chain (the ASCII
/// text right-padded to bytes32, as Solidity's <c>bytes32("ETH-PERP")</c>) and the underlying whose
/// oracle marks it. An option market is one series; its strike, expiry and kind come with each fill.
/// </summary>
public sealed class MarketOptions
{
    public string Id { get; set; } = string.Empty;

    public string Underlying { get; set; } = string.Empty;

    /// <summary>The implied volatility options in this market are marked at (annualized; 0.8 is 80 %), unless <see cref="VolatilityFeed"/> names a feed.</summary>
    public double Volatility { get; set; } = 0.8;

    /// <summary>
    /// A feed of <c>MarginBridge:PriceFeeds</c> whose answer is this market's implied volatility
    /// (0.7 answers 0.7 at the feed's decimals): options are then marked at its latest answer, and a
    /// stale or missing answer leaves their accounts undecided, as a stale price does.
    /// </summary>
    public string? VolatilityFeed { get; set; }

    /// <summary>The on-chain bytes32 id as 0x hex (lower case).</summary>
    public string OnChainId => ToOnChainId(Id);

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 32 } && id.All(c => c is >= ' ' and <= '~');

    public static string ToOnChainId(string id)
    {
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes(id, bytes);
        return bytes.ToHex(prefix: true);
    }
}
