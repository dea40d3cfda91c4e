using Nethereum.Signer;

namespace MarginBridge.Chains.Proofs;

public static class CommitteeKeys
{
    /// <summary>Fresh member keys, ordered by address: the order in which the inbox wants their signatures.</summary>
    public static List<EthECKey> Generate(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => EthECKey.GenerateKey()).OrderBy(k => k.GetPublicAddress().ToLowerInvariant(), StringComparer.Ordinal)];
}
