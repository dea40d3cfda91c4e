// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title MerkleProofs
/// @notice Proofs over a tree whose inner nodes hash their two children in sorted order
/// (keccak256(min, max)), laid out like OpenZeppelin's StandardMerkleTree. The C# MerkleTree
/// builds the same trees, proofs and multiproofs.
library MerkleProofs {
    error InvalidMultiproof();

    function verify(bytes32[] calldata proof, bytes32 root, bytes32 leaf) internal pure returns (bool) {
        bytes32 hash = leaf;
        for (uint256 i; i < proof.length; ++i) {
            hash = _hashPair(hash, proof[i]);
        }
        return hash == root;
    }

    /// @notice Root of a multiproof. `leaves` must be in ascending leaf order; `flags` has one byte
    /// per inner hash: 1 = take the next leaf or computed hash, 0 = take the next proof element.
    function processMultiproof(bytes32[] memory leaves, bytes32[] calldata proof, bytes calldata flags)
        internal
        pure
        returns (bytes32 root)
    {
        uint256 leavesLen = leaves.length;
        uint256 flagsLen = flags.length;
        if (leavesLen == 0 || leavesLen + proof.length != flagsLen + 1) revert InvalidMultiproof();
        if (flagsLen == 0) return leaves[0];

        bytes32[] memory hashes = new bytes32[](flagsLen);
        uint256 leafPos;
        uint256 hashPos;
        uint256 proofPos;
        for (uint256 i; i < flagsLen; ++i) {
            bytes32 a;
            if (leafPos < leavesLen) {
                a = leaves[leafPos++];
            } else {
                if (hashPos >= i) revert InvalidMultiproof(); // never read a hash not computed yet
                a = hashes[hashPos++];
            }
            bytes32 b;
            if (flags[i] != 0) {
                if (leafPos < leavesLen) {
                    b = leaves[leafPos++];
                } else {
                    if (hashPos >= i) revert InvalidMultiproof();
                    b = hashes[hashPos++];
                }
            } else {
                if (proofPos == proof.length) revert InvalidMultiproof();
                b = proof[proofPos++];
            }
            hashes[i] = _hashPair(a, b);
        }
        if (proofPos != proof.length || hashPos != flagsLen - 1) revert InvalidMultiproof();
        return hashes[flagsLen - 1];
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32 value) {
        (bytes32 lo, bytes32 hi) = a < b ? (a, b) : (b, a);
        assembly ("memory-safe") {
            mstore(0x00, lo)
            mstore(0x20, hi)
            value := keccak256(0x00, 0x40)
        }
    }
}
