using Nethereum.Util;

namespace MarginBridge.Chains.Proofs;

/// <summary>
/// A Merkle tree whose inner nodes hash their two children in sorted order, laid out as a complete
/// binary tree in an array (OpenZeppelin's StandardMerkleTree layout, without its leaf re-hashing:
/// our leaves' preimages are longer than 64 bytes, so they cannot pass for inner nodes).
/// Leaf i sits at array index <c>Length - 1 - i</c>. Matches contracts/src/MerkleProofs.sol.
/// </summary>
public sealed class MerkleTree
{
    private readonly byte[][] _nodes;

    public MerkleTree(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0)
        {
            throw new ArgumentException("a tree needs at least one leaf", nameof(leaves));
        }

        LeafCount = leaves.Count;
        _nodes = new byte[(2 * leaves.Count) - 1][];
        for (var i = 0; i < leaves.Count; i++)
        {
            _nodes[_nodes.Length - 1 - i] = leaves[i].Length == 32 ? leaves[i] : throw new ArgumentException("leaves are 32-byte hashes", nameof(leaves));
        }

        for (var i = _nodes.Length - 1 - leaves.Count; i >= 0; i--)
        {
            _nodes[i] = HashPair(_nodes[(2 * i) + 1], _nodes[(2 * i) + 2]);
        }
    }

    public int LeafCount { get; }

    public byte[] Root => _nodes[0];

    /// <summary>Siblings from the leaf up, for <c>executeTransfer</c>.</summary>
    public List<byte[]> Proof(int leafIndex)
    {
        var index = NodeIndex(leafIndex);
        var proof = new List<byte[]>();
        while (index > 0)
        {
            proof.Add(_nodes[Sibling(index)]);
            index = Parent(index);
        }

        return proof;
    }

    /// <summary>
    /// A multiproof for several leaves, for <c>executeTransfers</c>: the leaves must be passed in
    /// ascending leaf order; <c>Flags</c> has one byte per inner hash (1: use the next leaf or hash).
    /// </summary>
    public Multiproof Multiproof(IReadOnlyList<int> leafIndices)
    {
        if (leafIndices.Count == 0 || leafIndices.Distinct().Count() != leafIndices.Count)
        {
            throw new ArgumentException("a multiproof needs distinct leaf indices", nameof(leafIndices));
        }

        var ordered = leafIndices.Order().ToList();
        var queue = new Queue<int>(ordered.Select(NodeIndex));
        var proof = new List<byte[]>();
        var flags = new List<byte>();
        while (queue.Count > 0 && queue.Peek() > 0)
        {
            var node = queue.Dequeue();
            var sibling = Sibling(node);
            if (queue.Count > 0 && queue.Peek() == sibling)
            {
                flags.Add(1);
                queue.Dequeue();
            }
            else
            {
                flags.Add(0);
                proof.Add(_nodes[sibling]);
            }

            queue.Enqueue(Parent(node));
        }

        return new Multiproof(ordered, proof, [.. flags]);
    }

    /// <summary>The same as the contract: verifies a single-leaf proof against a root.</summary>
    public static bool Verify(IEnumerable<byte[]> proof, byte[] root, byte[] leaf) =>
        proof.Aggregate(leaf, HashPair).AsSpan().SequenceEqual(root);

    internal static byte[] HashPair(byte[] a, byte[] b)
    {
        var pair = new byte[64];
        var (low, high) = a.AsSpan().SequenceCompareTo(b) < 0 ? (a, b) : (b, a);
        low.CopyTo(pair, 0);
        high.CopyTo(pair, 32);
        return Sha3Keccack.Current.CalculateHash(pair);
    }

    private int NodeIndex(int leafIndex) => leafIndex >= 0 && leafIndex < LeafCount
        ? _nodes.Length - 1 - leafIndex
        : throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex, $"the tree has {LeafCount} leaves");

    private static int Sibling(int index) => index % 2 == 1 ? index + 1 : index - 1;

    private static int Parent(int index) => (index - 1) / 2;
}

/// <param name="LeafIndices">The leaves it proves, ascending: pass their messages in this order.</param>
public sealed record Multiproof(IReadOnlyList<int> LeafIndices, List<byte[]> Proof, byte[] Flags);
