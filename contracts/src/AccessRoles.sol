// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title AccessRoles
/// @notice Two roles: the admin configures and alone may unpause; the guardian may only pause.
/// Pausing stops everything but deposits and liquidations.
abstract contract AccessRoles {
    error NotAdmin(address caller);
    error NotGuardian(address caller);
    error ContractPaused();
    error ZeroAddress();

    event AdminChanged(address indexed previousAdmin, address indexed newAdmin);
    event GuardianChanged(address indexed previousGuardian, address indexed newGuardian);
    event Paused(address indexed guardian);
    event Unpaused(address indexed admin);

    address public admin;
    address public guardian;
    bool public paused;

    constructor(address admin_, address guardian_) {
        if (admin_ == address(0) || guardian_ == address(0)) revert ZeroAddress();
        admin = admin_;
        guardian = guardian_;
        emit AdminChanged(address(0), admin_);
        emit GuardianChanged(address(0), guardian_);
    }

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    modifier whenNotPaused() {
        if (paused) revert ContractPaused();
        _;
    }

    function setAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert ZeroAddress();
        emit AdminChanged(admin, newAdmin);
        admin = newAdmin;
    }

    function setGuardian(address newGuardian) external onlyAdmin {
        if (newGuardian == address(0)) revert ZeroAddress();
        emit GuardianChanged(guardian, newGuardian);
        guardian = newGuardian;
    }

    function pause() external {
        if (msg.sender != guardian) revert NotGuardian(msg.sender);
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyAdmin {
        paused = false;
        emit Unpaused(msg.sender);
    }
}
