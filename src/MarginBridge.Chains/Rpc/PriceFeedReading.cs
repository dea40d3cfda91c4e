using System.Numerics;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;

namespace MarginBridge.Chains.Rpc;

/// <summary>
/// One read of a Chainlink-style feed (<c>latestRoundData</c>) with the feed chain's head: the price
/// as USD × 1e8 (rounded toward zero) and, when the answer is older than the feed's trusted age in
/// that chain's own time, why it is stale.
/// </summary>
public sealed record PriceFeedReading(long Price, long Round, long UpdatedAt, long HeadTimestamp, string? Stale)
{
    public static async Task<PriceFeedReading> ReadAsync(ChainReader reader, PriceFeedOptions feed, string chainName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(feed);
        var round = await reader.QueryDeserializingAsync<LatestRoundDataFunction, RoundDataOutput>(feed.Feed, new LatestRoundDataFunction(), cancellationToken);
        var head = await reader.GetHeadAsync(cancellationToken);
        var updatedAt = (long)round.UpdatedAt;
        var age = head.Timestamp - updatedAt;
        var stale = age > feed.MaxAgeSeconds
            ? $"the last answer (round {round.RoundId}) is {age} s old in {chainName}'s time; at most {feed.MaxAgeSeconds} s is trusted"
            : null;
        return new PriceFeedReading(ToPriceScale(round.Answer, feed.Decimals), (long)round.RoundId, updatedAt, head.Timestamp, stale);
    }

    /// <summary>The feed's answer at its decimals as USD × 1e8, rounded toward zero.</summary>
    private static long ToPriceScale(BigInteger answer, int decimals) => decimals >= 8
        ? (long)(answer / BigInteger.Pow(10, decimals - 8))
        : (long)(answer * BigInteger.Pow(10, 8 - decimals));
}
