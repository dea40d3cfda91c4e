using MarginBridge.Chains.Proofs;
using Nethereum.Util;

namespace MarginBridge.UnitTests.Proofs;

public sealed class MerkleTreeTests
{
    private static List<byte[]> Leaves(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Sha3Keccack.Current.CalculateHash(BitConverter.GetBytes(i)))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(128)]
    [InlineData(129)]
    public void EveryLeafsProof_LeadsToTheRoot(int count)
    {
        var leaves = Leaves(count);
        var tree = new MerkleTree(leaves);
        for (var i = 0; i < count; i++)
        {
            Assert.True(MerkleTree.Verify(tree.Proof(i), tree.Root, leaves[i]), $"leaf {i} of {count}");
        }
    }

    [Fact]
    public void ProofOfOneLeaf_DoesNotProveAnother()
    {
        var leaves = Leaves(8);
        var tree = new MerkleTree(leaves);
        Assert.False(MerkleTree.Verify(tree.Proof(3), tree.Root, leaves[4]));
    }

    [Fact]
    public void SingleLeafTree_HasTheLeafAsRoot_AndAnEmptyProof()
    {
        var leaf = Leaves(1)[0];
        var tree = new MerkleTree([leaf]);
        Assert.Equal(leaf, tree.Root);
        Assert.Empty(tree.Proof(0));
    }

    [Fact]
    public void MultiproofOfEveryLeaf_NeedsNoProofElements()
    {
        var tree = new MerkleTree(Leaves(16));
        var multiproof = tree.Multiproof([.. Enumerable.Range(0, 16)]);
        Assert.Empty(multiproof.Proof);
        Assert.Equal(15, multiproof.Flags.Length);
        Assert.All(multiproof.Flags, f => Assert.Equal(1, f));
    }

    [Fact]
    public void Multiproof_ListsItsLeavesInAscendingOrder_AndBalancesItsParts()
    {
        var tree = new MerkleTree(Leaves(10));
        var multiproof = tree.Multiproof([9, 2, 5]);
        Assert.Equal([2, 5, 9], multiproof.LeafIndices);
        Assert.Equal(multiproof.LeafIndices.Count + multiproof.Proof.Count, multiproof.Flags.Length + 1);
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new MerkleTree([]));
        Assert.Throws<ArgumentException>(() => new MerkleTree([new byte[31]]));
        var tree = new MerkleTree(Leaves(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Proof(4));
        Assert.Throws<ArgumentException>(() => tree.Multiproof([1, 1]));
    }
}
