// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessRoles} from "./AccessRoles.sol";

/// @title OutflowLimiter
/// @notice A token bucket per token on everything that leaves the vault (withdrawals, outbound
/// transfers), in the spirit of ERC-7265: `capacity` can leave at once, refilled at
/// `capacity / period` per second. Over the limit the call reverts and the funds stay where they were.
abstract contract OutflowLimiter is AccessRoles {
    error OutflowLimitNotSet(address token);
    error RateLimitExceeded(address token, uint256 available, uint256 requested);
    error InvalidLimit();

    event OutflowLimitSet(address indexed token, uint256 capacity, uint256 periodSeconds);

    struct Bucket {
        uint128 capacity;
        uint128 available;
        uint64 periodSeconds;
        uint64 updatedAt;
    }

    mapping(address token => Bucket) public outflowBuckets;

    function setOutflowLimit(address token, uint128 capacity, uint64 periodSeconds) external onlyAdmin {
        if (capacity == 0 || periodSeconds == 0) revert InvalidLimit();
        outflowBuckets[token] = Bucket(capacity, capacity, periodSeconds, uint64(block.timestamp));
        emit OutflowLimitSet(token, capacity, periodSeconds);
    }

    /// @notice What may leave now for `token`.
    function availableOutflow(address token) public view returns (uint256) {
        Bucket memory bucket = outflowBuckets[token];
        if (bucket.capacity == 0) return 0;
        return _refilled(bucket);
    }

    function _consumeOutflow(address token, uint256 amount) internal {
        Bucket memory bucket = outflowBuckets[token];
        if (bucket.capacity == 0) revert OutflowLimitNotSet(token);
        uint256 available = _refilled(bucket);
        if (amount > available) revert RateLimitExceeded(token, available, amount);
        bucket.available = uint128(available - amount);
        bucket.updatedAt = uint64(block.timestamp);
        outflowBuckets[token] = bucket;
    }

    function _refilled(Bucket memory bucket) private view returns (uint256) {
        uint256 refill = (block.timestamp - bucket.updatedAt) * bucket.capacity / bucket.periodSeconds;
        uint256 available = bucket.available + refill;
        return available > bucket.capacity ? bucket.capacity : available;
    }
}
