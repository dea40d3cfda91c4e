// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title BridgeMessages
/// @notice The messages that cross between chains and their leaf encoding. Every leaf carries full
/// domain separation: source and destination chain id and contract, the route's nonce, the kind.
/// leaf = keccak256(abi.encode(kind, route, payload)); its preimage is always longer than 64 bytes,
/// so a leaf can never be mistaken for an inner node of the Merkle tree.
library BridgeMessages {
    uint8 internal constant KIND_TRANSFER = 1;
    uint8 internal constant KIND_LIQUIDATION = 2;
    uint8 internal constant KIND_DELEVERAGE = 3;
    uint8 internal constant KIND_FEE_SWEEP = 4;
    uint8 internal constant KIND_TRANSFER_VOID = 5;

    /// @notice Where a message comes from and where it may execute.
    struct Route {
        uint64 srcChainId;
        address srcContract;
        uint64 dstChainId;
        address dstContract;
    }

    /// @notice Collateral moved to `recipient`'s balance in the destination vault.
    /// @param expiry Unix time after which the message cannot execute; 0 for never.
    struct Transfer {
        uint64 nonce;
        uint64 expiry;
        address token;
        address recipient;
        uint256 amount;
    }

    /// @notice A committee-attested instruction to a venue to reduce an account's position, and to
    /// settle it with the vault's insurance fund in `token`: `fundTransfer` > 0 is the liquidation
    /// fee the account pays the fund, < 0 the deficit the fund covers (each within what is there).
    struct Liquidation {
        uint64 nonce;
        uint64 expiry;
        address venue;
        address account;
        bytes32 market;
        int256 sizeDelta;
        uint256 price;
        address token;
        int256 fundTransfer;
    }

    /// @notice A committee-attested auto-deleveraging: when the chain's insurance fund cannot cover a
    /// bankrupt account's deficit, `account`'s position changes by `sizeDelta` and `counterparty`'s
    /// opposite position by `-sizeDelta`, both at `price` (the bankrupt account's bankruptcy price).
    struct Deleverage {
        uint64 nonce;
        uint64 expiry;
        address venue;
        bytes32 market;
        address account;
        address counterparty;
        int256 sizeDelta;
        uint256 price;
    }

    /// @notice A committee-attested collection of the liquidation fee an account could not pay on the
    /// venue's chain: up to `amount` of `token` leaves `account`'s balance on this chain as a transfer
    /// to the insurance fund of `liquidationChainId`, once per liquidation (`liquidationNonce` there).
    struct FeeSweep {
        uint64 nonce;
        uint64 expiry;
        address account;
        address token;
        uint256 amount;
        uint64 liquidationChainId;
        uint64 liquidationNonce;
    }

    /// @notice A committee-attested cancellation of a transfer that has not executed on this chain:
    /// transfer `transferNonce` from `srcChainId` (its `token` is this chain's, as in its leaf) never
    /// executes here, and its `amount` goes back to `refundTo`, its sender, as a transfer to the source.
    struct TransferVoid {
        uint64 nonce;
        uint64 expiry;
        uint64 srcChainId;
        uint64 transferNonce;
        address token;
        address recipient;
        uint256 amount;
        address refundTo;
    }

    function transferLeaf(Route calldata route, Transfer calldata transfer) internal pure returns (bytes32) {
        return keccak256(abi.encode(KIND_TRANSFER, route, transfer));
    }

    /// @notice The leaves of a batch of transfers on one route, hashed straight from calldata into
    /// one reused buffer (kind and route written once): no per-leaf allocation. A field with dirty
    /// high bits hashes to a leaf the committee never signed, so it fails the proof.
    function transferLeaves(Route calldata route, Transfer[] calldata transfers) internal pure returns (bytes32[] memory leaves) {
        uint256 count = transfers.length;
        leaves = new bytes32[](count);
        assembly ("memory-safe") {
            let buffer := mload(0x40)
            mstore(buffer, KIND_TRANSFER)
            calldatacopy(add(buffer, 0x20), route, 0x80)
            let source := transfers.offset
            let out := add(leaves, 0x20)
            for { let i := 0 } lt(i, count) { i := add(i, 1) } {
                calldatacopy(add(buffer, 0xa0), add(source, mul(i, 0xa0)), 0xa0)
                mstore(add(out, shl(5, i)), keccak256(buffer, 0x140))
            }
        }
    }

    function transferLeafMemory(Route memory route, Transfer memory transfer) internal pure returns (bytes32) {
        return keccak256(abi.encode(KIND_TRANSFER, route, transfer));
    }

    function liquidationLeaf(Route calldata route, Liquidation calldata liquidation) internal pure returns (bytes32) {
        return keccak256(abi.encode(KIND_LIQUIDATION, route, liquidation));
    }

    function deleverageLeaf(Route calldata route, Deleverage calldata deleverage) internal pure returns (bytes32) {
        return keccak256(abi.encode(KIND_DELEVERAGE, route, deleverage));
    }

    function feeSweepLeaf(Route calldata route, FeeSweep calldata sweep) internal pure returns (bytes32) {
        return keccak256(abi.encode(KIND_FEE_SWEEP, route, sweep));
    }

    function transferVoidLeaf(Route calldata route, TransferVoid calldata transferVoid) internal pure returns (bytes32) {
        return keccak256(abi.encode(KIND_TRANSFER_VOID, route, transferVoid));
    }

    /// @notice The key of a route on its destination: replay protection and configuration hang off it.
    function routeKey(uint64 srcChainId, address srcContract) internal pure returns (bytes32) {
        return keccak256(abi.encode(srcChainId, srcContract));
    }
}
