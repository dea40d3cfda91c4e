// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IVenueAdapter
/// @notice What a derivative venue implements to take part in MarginBridge: it reports every
/// position change as an event (which the relayer turns into the account's shared margin) and
/// accepts liquidation instructions that the committee attested, delivered by the chain's vault.
interface IVenueAdapter {
    enum Instrument {
        Perpetual,
        Call,
        Put
    }

    /// @param size Signed position size after the change, in the market's base units (negative is short).
    /// @param price Fill price, 18-decimal fixed point.
    /// @param strike For options, 18-decimal fixed point; 0 for perpetuals.
    /// @param expiry For options, Unix time; 0 for perpetuals.
    event PositionChanged(
        address indexed account,
        bytes32 indexed market,
        Instrument instrument,
        int256 size,
        uint256 price,
        uint256 strike,
        uint64 expiry
    );

    event Liquidated(address indexed account, bytes32 indexed market, int256 sizeDelta, uint256 price);

    /// @notice Reduces `account`'s position in `market` by `sizeDelta` at `price`. Only the vault
    /// (the chain's inbox) may call it, after verifying the committee's attestation.
    function liquidate(address account, bytes32 market, int256 sizeDelta, uint256 price) external;

    /// @notice The perpetual open interest of `market` in its base units: the sum of the long
    /// positions. Liquidity tiers raise the initial margin fraction with it.
    function openInterest(bytes32 market) external view returns (uint256);
}
