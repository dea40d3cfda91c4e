// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IVenueAdapter} from "./IVenueAdapter.sol";

/// @title ReferenceVenue
/// @notice A minimal venue for tests and the devnet: traders set positions directly (no order
/// book, no settlement); the vault may liquidate them. Real venues keep their own matching and
/// settlement and only implement IVenueAdapter.
contract ReferenceVenue is IVenueAdapter {
    error NotVault(address caller);
    error LiquidationIncreasesPosition(int256 size, int256 sizeDelta);

    struct Position {
        Instrument instrument;
        int256 size;
        uint256 strike;
        uint64 expiry;
    }

    address public immutable vault;
    mapping(address account => mapping(bytes32 market => Position)) public positions;
    /// @notice Perpetual longs per market, in base units (IVenueAdapter.openInterest).
    mapping(bytes32 market => uint256 longs) public openInterest;

    constructor(address vault_) {
        vault = vault_;
    }

    /// @notice Trades to a new position size at `price` (a test fill).
    function trade(bytes32 market, Instrument instrument, int256 newSize, uint256 price, uint256 strike, uint64 expiry) external {
        Position storage before = positions[msg.sender][market];
        _countOpenInterest(market, before.instrument, before.size, instrument, newSize);
        positions[msg.sender][market] = Position(instrument, newSize, strike, expiry);
        emit PositionChanged(msg.sender, market, instrument, newSize, price, strike, expiry);
    }

    function liquidate(address account, bytes32 market, int256 sizeDelta, uint256 price) external {
        if (msg.sender != vault) revert NotVault(msg.sender);
        Position storage position = positions[account][market];
        int256 size = position.size;
        // A liquidation only ever moves the position towards zero, never past it.
        if (size == 0 || (size > 0 ? (sizeDelta >= 0 || -sizeDelta > size) : (sizeDelta <= 0 || sizeDelta > -size))) {
            revert LiquidationIncreasesPosition(size, sizeDelta);
        }
        _countOpenInterest(market, position.instrument, size, position.instrument, size + sizeDelta);
        position.size = size + sizeDelta;
        emit Liquidated(account, market, sizeDelta, price);
        emit PositionChanged(account, market, position.instrument, position.size, price, position.strike, position.expiry);
    }

    /// @dev Open interest counts perpetual longs: a long that grows, shrinks or turns short moves it.
    function _countOpenInterest(bytes32 market, Instrument oldInstrument, int256 oldSize, Instrument newInstrument, int256 newSize) private {
        uint256 oldLong = oldInstrument == Instrument.Perpetual && oldSize > 0 ? uint256(oldSize) : 0;
        uint256 newLong = newInstrument == Instrument.Perpetual && newSize > 0 ? uint256(newSize) : 0;
        openInterest[market] = openInterest[market] - oldLong + newLong;
    }
}
