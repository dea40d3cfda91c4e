using System.Numerics;

namespace MarginBridge.Chains.Contracts;

/// <summary>
/// The gas limit sent for an estimate: gas can depend on the block a transaction lands in (the
/// outflow bucket rewrites its timestamp only when a second has passed), so the exact estimate of
/// one block can run out of gas in the next.
/// </summary>
public static class GasMargin
{
    public static BigInteger Over(BigInteger estimate) => (estimate * 5 / 4) + 20_000;
}
