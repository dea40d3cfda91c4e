using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.UnitTests.Proofs;

public sealed class TypedDataTests
{
    private const string Vault = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    [Fact]
    public void DomainSeparator_DependsOnChainAndContract()
    {
        var separator = TypedData.DomainSeparator(1, Vault).ToHex();
        Assert.NotEqual(separator, TypedData.DomainSeparator(2, Vault).ToHex());
        Assert.NotEqual(separator, TypedData.DomainSeparator(1, "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512").ToHex());
    }

    [Fact]
    public void ClearanceDigest_ChangesWithEveryField()
    {
        var domain = TypedData.DomainSeparator(1, Vault);
        ClearanceStruct Clearance() => new() { Account = Vault, Token = Vault, Amount = 10, Nonce = 1, Expiry = 100 };
        var digest = TypedData.Clearance(domain, Clearance()).ToHex();
        var variants = new Action<ClearanceStruct>[]
        {
            c => c.Account = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
            c => c.Token = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
            c => c.Amount = 11,
            c => c.Nonce = 2,
            c => c.Expiry = 101,
        };
        foreach (var change in variants)
        {
            var clearance = Clearance();
            change(clearance);
            Assert.NotEqual(digest, TypedData.Clearance(domain, clearance).ToHex());
        }
    }

    [Fact]
    public void LiquidationLeaf_EncodesNegativeSizesAndFundTransfersAsTwosComplement()
    {
        var route = new RouteStruct { SrcChainId = 1, SrcContract = Vault, DstChainId = 2, DstContract = Vault };
        LiquidationStruct Liquidation(int size, int fund) => new() { Nonce = 1, Venue = Vault, Account = Vault, SizeDelta = size, Price = 1, Token = Vault, FundTransfer = fund };
        Assert.NotEqual(MessageLeaf.Liquidation(route, Liquidation(-1, 0)).ToHex(), MessageLeaf.Liquidation(route, Liquidation(1, 0)).ToHex());
        Assert.NotEqual(MessageLeaf.Liquidation(route, Liquidation(-1, -5)).ToHex(), MessageLeaf.Liquidation(route, Liquidation(-1, 5)).ToHex());
    }
}
