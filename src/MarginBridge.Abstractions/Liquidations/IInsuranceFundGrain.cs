using System.Numerics;

namespace MarginBridge.Abstractions.Liquidations;

/// <summary>
/// The insurance fund of one chain (key: chain id), as the silo keeps its book: liquidation fees
/// from positions on that chain's venues go in, deficits of those positions come out — never
/// another chain's. Quote units (1e-6 USD).
/// </summary>
public interface IInsuranceFundGrain : IGrainWithIntegerKey
{
    Task<BigInteger> GetBalance();

    /// <summary>Books a liquidation's fee (positive) or deficit (negative) once per (account, nonce).</summary>
    Task Book(string account, ulong nonce, BigInteger amount);
}
