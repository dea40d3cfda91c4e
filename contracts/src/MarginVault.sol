// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Minimal} from "./IERC20Minimal.sol";
import {SafeTransfer} from "./SafeTransfer.sol";

/// @title MarginVault
/// @notice Holds the ERC-20 collateral of MarginBridge accounts on one chain. Every deposit gets
/// the next per-chain deposit nonce, which the relayer uses to credit the account exactly once.
contract MarginVault {
    using SafeTransfer for IERC20Minimal;

    error ZeroAmount();
    error ZeroAddress();
    error UnexpectedReceivedAmount(address token, uint256 expected, uint256 received);
    error Reentrancy();

    /// @notice Emitted once per deposit; `nonce` is unique and increasing on this chain.
    event Deposited(
        uint64 indexed nonce, address indexed account, address indexed token, uint256 amount, uint256 balanceAfter
    );

    /// @notice The nonce the next deposit will carry (the first deposit has nonce 1).
    uint64 public nextDepositNonce = 1;

    /// @notice Internal balances: account => token => amount.
    mapping(address account => mapping(address token => uint256 amount)) public balanceOf;

    uint256 private _locked = 1;

    modifier nonReentrant() {
        if (_locked != 1) revert Reentrancy();
        _locked = 2;
        _;
        _locked = 1;
    }

    /// @notice Deposits `amount` of `token` for the caller. Tokens that charge a fee on transfer
    /// (the vault receives less than `amount`) are refused, so balances always match custody.
    function deposit(address token, uint256 amount) external nonReentrant returns (uint64 nonce) {
        return _deposit(msg.sender, token, amount);
    }

    /// @notice Deposits `amount` of `token` from the caller into `account`'s balance.
    function depositFor(address account, address token, uint256 amount) external nonReentrant returns (uint64 nonce) {
        if (account == address(0)) revert ZeroAddress();
        return _deposit(account, token, amount);
    }

    function _deposit(address account, address token, uint256 amount) private returns (uint64 nonce) {
        if (amount == 0) revert ZeroAmount();
        if (token == address(0)) revert ZeroAddress();
        IERC20Minimal erc20 = IERC20Minimal(token);
        uint256 before = erc20.balanceOf(address(this));
        erc20.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = erc20.balanceOf(address(this)) - before;
        if (received != amount) revert UnexpectedReceivedAmount(token, amount, received);

        nonce = nextDepositNonce++;
        uint256 balanceAfter = balanceOf[account][token] + amount;
        balanceOf[account][token] = balanceAfter;
        emit Deposited(nonce, account, token, amount, balanceAfter);
    }
}
