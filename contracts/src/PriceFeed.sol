// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title PriceFeed
/// @notice A price feed with Chainlink's AggregatorV3 read interface (`latestRoundData`,
/// `getRoundData`, `decimals`), written by one feeder. The devnet deploys one per asset and walks
/// its price; the silo's oracle grains read it exactly as they would read a Chainlink feed.
contract PriceFeed {
    error NotFeeder(address caller);
    error NonPositiveAnswer(int256 answer);
    error UnknownRound(uint80 roundId);

    /// @dev Chainlink's event, so the same tooling follows both.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    uint8 public immutable decimals;
    address public immutable feeder;
    string public description;
    uint80 public latestRound;
    mapping(uint80 => Round) private _rounds;

    constructor(string memory description_, uint8 decimals_, address feeder_) {
        description = description_;
        decimals = decimals_;
        feeder = feeder_;
    }

    function version() external pure returns (uint256) {
        return 1;
    }

    /// @notice Publishes a new answer as the next round.
    function submit(int256 answer) external {
        if (msg.sender != feeder) revert NotFeeder(msg.sender);
        if (answer <= 0) revert NonPositiveAnswer(answer);
        uint80 round = latestRound + 1;
        latestRound = round;
        _rounds[round] = Round(answer, uint64(block.timestamp));
        emit AnswerUpdated(answer, round, block.timestamp);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return getRoundData(latestRound);
    }

    function getRoundData(uint80 roundId) public view returns (uint80, int256, uint256, uint256, uint80) {
        Round memory r = _rounds[roundId];
        if (r.updatedAt == 0) revert UnknownRound(roundId);
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }
}
