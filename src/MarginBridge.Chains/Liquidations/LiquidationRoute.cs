using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;

namespace MarginBridge.Chains.Liquidations;

/// <summary>
/// Where liquidation, deleveraging, fee-sweep and transfer-void instructions come from, as a vault's inbox sees them: the route whose source is
/// chain 0 (no chain: the committee's margin decision) and the destination vault itself. Its own
/// nonces and batch numbers, apart from every transfer route; one instruction per batch, so the
/// batch's root is the instruction's leaf and its proof is empty.
/// </summary>
public static class LiquidationRoute
{
    public const ulong SourceChainId = 0;

    /// <summary>The longest an instruction on this route may live (its expiry past the chain's time): members refuse longer.</summary>
    public const int MaxLifetimeSeconds = 3_600;

    public static RouteStruct To(ChainOptions chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var vault = EvmAddress.Normalize(chain.Vault);
        return new RouteStruct { SrcChainId = SourceChainId, SrcContract = vault, DstChainId = (ulong)chain.ChainId, DstContract = vault };
    }

    /// <summary>The digest the members sign for a one-instruction batch: the root attestation whose root is the leaf.</summary>
    public static byte[] AttestationDigest(ChainOptions chain, ulong batchNumber, byte[] leaf)
    {
        var route = To(chain);
        return TypedData.RootAttestation(TypedData.DomainSeparator(route.DstChainId, route.DstContract), route.SrcChainId, route.SrcContract, batchNumber, leaf, 1);
    }

    public static byte[] Leaf(ChainOptions chain, LiquidationStruct liquidation) => MessageLeaf.Liquidation(To(chain), liquidation);

    public static byte[] Leaf(ChainOptions chain, DeleverageStruct deleverage) => MessageLeaf.Deleverage(To(chain), deleverage);

    public static byte[] Leaf(ChainOptions chain, TransferVoidStruct transferVoid) => MessageLeaf.TransferVoid(To(chain), transferVoid);

    public static byte[] Leaf(ChainOptions chain, FeeSweepStruct sweep) => MessageLeaf.FeeSweep(To(chain), sweep);
}
