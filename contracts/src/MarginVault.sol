// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Minimal} from "./IERC20Minimal.sol";
import {SafeTransfer} from "./SafeTransfer.sol";
import {BridgeMessages} from "./BridgeMessages.sol";
import {MerkleProofs} from "./MerkleProofs.sol";
import {AccessRoles} from "./AccessRoles.sol";
import {OutflowLimiter} from "./OutflowLimiter.sol";
import {BridgeInbox} from "./BridgeInbox.sol";
import {IVenueAdapter} from "./IVenueAdapter.sol";

/// @title MarginVault
/// @notice One per chain: holds MarginBridge accounts' ERC-20 collateral, is the outbox of
/// transfers leaving the chain and, through BridgeInbox, the inbox of those arriving. Inbound
/// transfers are credited from the vault's free liquidity (tokens that arrived as outbound
/// transfers or were provided), so collateral never has to travel through the L1.
///
/// Custody invariant, per token:
/// token.balanceOf(vault) == Σ balanceOf[·][token] + liquidity[token] + insuranceFund[token].
contract MarginVault is OutflowLimiter, BridgeInbox {
    using SafeTransfer for IERC20Minimal;

    error ZeroAmount();
    error UnexpectedReceivedAmount(address token, uint256 expected, uint256 received);
    error Reentrancy();
    error InsufficientBalance(address account, address token, uint256 balance, uint256 requested);
    error InsufficientLiquidity(address token, uint256 available, uint256 requested);
    error UnknownDestination(uint64 dstChainId);
    error UnsupportedToken(uint64 dstChainId, address token);
    error ClearanceExpired(uint64 nonce, uint64 expiry);
    error ClearanceAlreadyUsed(address account, uint64 nonce);
    error EmptyBatch();
    error MoveExpired(uint64 nonce, uint64 deadline);
    error MoveNonceUsed(address account, uint64 nonce);
    error FeeAlreadySwept(uint64 liquidationChainId, uint64 liquidationNonce);

    /// @notice Emitted once per deposit; `nonce` is unique and increasing on this chain.
    event Deposited(uint64 indexed nonce, address indexed account, address indexed token, uint256 amount, uint256 balanceAfter);
    event LiquidityProvided(address indexed provider, address indexed token, uint256 amount);
    event RemoteVaultSet(uint64 indexed chainId, address vault);
    event RemoteTokenSet(uint64 indexed chainId, address indexed token, address remoteToken);
    /// @notice A transfer left this chain: `leaf` is stored in `sentMessages` for storage proofs.
    event TransferInitiated(
        bytes32 indexed leaf,
        uint64 indexed dstChainId,
        uint64 indexed nonce,
        address account,
        address token,
        address dstToken,
        address recipient,
        uint256 amount
    );
    event Withdrawn(address indexed account, address indexed token, uint256 amount, uint64 clearanceNonce);
    event InsuranceFunded(address indexed provider, address indexed token, uint256 amount);
    /// @notice A liquidation settled with this chain's insurance fund: `moved` > 0 went from the
    /// account's balance into the fund (its fee), < 0 from the fund to the account (its deficit);
    /// `requested` is what the instruction asked, `moved` what the account or the fund held of it.
    event LiquidationSettled(address indexed account, address indexed token, uint64 indexed nonce, int256 requested, int256 moved);
    /// @notice A liquidation fee unpaid on its venue's chain was collected here: `moved` (at most
    /// `requested`, what the account held) left the account's balance as transfer `transferNonce`
    /// to the insurance fund of `liquidationChainId` (0 when nothing was there to move).
    /// @notice Transfer `leaf` (nonce `transferNonce` from `srcChainId`) will never execute here: the
    /// committee voided it, and its amount returns to `refundTo` as this vault's transfer `returnNonce`.
    event TransferVoided(bytes32 indexed leaf, uint64 indexed srcChainId, uint64 transferNonce, address refundTo, uint64 returnNonce, bytes32 returnLeaf);
    event FeeSwept(
        address indexed account,
        uint64 indexed liquidationChainId,
        uint64 indexed liquidationNonce,
        address token,
        uint256 requested,
        uint256 moved,
        uint64 transferNonce
    );

    /// @notice A margin clearance: the committee's word that `account` may take `amount` of `token`
    /// out of this vault (EIP-712; the domain binds the chain id and this vault).
    struct Clearance {
        address account;
        address token;
        uint256 amount;
        uint64 nonce;
        uint64 expiry;
    }

    /// @notice A move the account signed (EIP-712) so that anyone, e.g. the relayer, may start it:
    /// the account pays from its own balance, the submitter only pays gas.
    struct MoveRequest {
        address account;
        uint64 dstChainId;
        address token;
        uint256 amount;
        address recipient;
        uint64 nonce;
        uint64 deadline;
    }

    bytes32 internal constant CLEARANCE_TYPEHASH =
        keccak256("Clearance(address account,address token,uint256 amount,uint64 nonce,uint64 expiry)");
    bytes32 internal constant MOVE_TYPEHASH = keccak256(
        "MoveRequest(address account,uint64 dstChainId,address token,uint256 amount,address recipient,uint64 nonce,uint64 deadline)"
    );

    /// @notice The nonce the next deposit will carry (the first deposit has nonce 1).
    uint64 public nextDepositNonce = 1;
    mapping(address account => mapping(address token => uint256 amount)) public balanceOf;
    /// @notice Tokens in custody that back no account: they pay inbound transfers.
    mapping(address token => uint256 amount) public liquidity;
    /// @notice This chain's insurance fund: liquidation fees go in, deficits of liquidated accounts
    /// on this chain's venues are paid out; it never pays another chain's losses.
    mapping(address token => uint256 amount) public insuranceFund;
    /// @notice Hashes of every message this vault sent; a committee member proves membership here with eth_getProof.
    mapping(bytes32 leaf => bool sent) public sentMessages;
    mapping(uint64 dstChainId => uint64 nonce) public outboundNonce;
    mapping(uint64 chainId => address vault) public remoteVault;
    mapping(uint64 chainId => mapping(address token => address remoteToken)) public remoteToken;
    mapping(address account => mapping(uint64 nonce => bool used)) public usedClearances;
    mapping(address account => mapping(uint64 nonce => bool used)) public usedMoveNonces;
    /// @notice Liquidations (venue chain, nonce there) whose unpaid fee a sweep on this chain collected.
    mapping(uint64 liquidationChainId => mapping(uint64 liquidationNonce => bool swept)) public feeSwept;

    uint256 private _locked = 1;

    constructor(address admin_, address guardian_) AccessRoles(admin_, guardian_) {}

    modifier nonReentrant() {
        if (_locked != 1) revert Reentrancy();
        _locked = 2;
        _;
        _locked = 1;
    }

    // ---------------------------------------------------------------- deposits (never paused)

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

    /// @notice Adds free liquidity that pays inbound transfers of `token` on this chain.
    function provideLiquidity(address token, uint256 amount) external nonReentrant {
        _pull(token, amount);
        liquidity[token] += amount;
        emit LiquidityProvided(msg.sender, token, amount);
    }

    /// @notice Adds `amount` of `token` to this chain's insurance fund.
    function fundInsurance(address token, uint256 amount) external nonReentrant {
        _pull(token, amount);
        insuranceFund[token] += amount;
        emit InsuranceFunded(msg.sender, token, amount);
    }

    // ---------------------------------------------------------------- configuration (admin)

    function setRemoteVault(uint64 chainId, address vault) external onlyAdmin {
        remoteVault[chainId] = vault;
        emit RemoteVaultSet(chainId, vault);
    }

    function setRemoteToken(uint64 chainId, address token, address remote) external onlyAdmin {
        remoteToken[chainId][token] = remote;
        emit RemoteTokenSet(chainId, token, remote);
    }

    // ---------------------------------------------------------------- outbox

    /// @notice Moves `amount` of the caller's `token` towards `recipient`'s balance in the vault of
    /// `dstChainId`. The amount leaves the caller's balance now and joins this vault's liquidity;
    /// the message's leaf is stored for the committee to prove.
    function initiateTransfer(uint64 dstChainId, address token, uint256 amount, address recipient)
        external
        whenNotPaused
        returns (uint64 nonce, bytes32 leaf)
    {
        return _initiateTransfer(msg.sender, dstChainId, token, amount, recipient);
    }

    /// @notice Starts the move `move.account` signed: the same as that account calling
    /// `initiateTransfer`, once per (account, nonce) and before the deadline.
    function initiateSignedTransfer(MoveRequest calldata move, Signature calldata signature)
        external
        whenNotPaused
        returns (uint64 nonce, bytes32 leaf)
    {
        if (move.deadline < block.timestamp) revert MoveExpired(move.nonce, move.deadline);
        if (usedMoveNonces[move.account][move.nonce]) revert MoveNonceUsed(move.account, move.nonce);
        bytes32 digest = _hashTyped(
            keccak256(
                abi.encode(MOVE_TYPEHASH, move.account, move.dstChainId, move.token, move.amount, move.recipient, move.nonce, move.deadline)
            )
        );
        if (uint256(signature.s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) revert InvalidSignature();
        address signer = ecrecover(digest, signature.v, signature.r, signature.s);
        if (signer == address(0) || signer != move.account) revert InvalidSignature();
        usedMoveNonces[move.account][move.nonce] = true;
        return _initiateTransfer(move.account, move.dstChainId, move.token, move.amount, move.recipient);
    }

    // ---------------------------------------------------------------- withdrawals

    /// @notice Pays `clearance.amount` of `clearance.token` from the account's balance to the
    /// account, with a margin clearance signed by a quorum of the committee: unexpired, unused,
    /// within the outflow limit.
    function withdraw(Clearance calldata clearance, Signature[] calldata signatures) external nonReentrant whenNotPaused {
        if (clearance.expiry < block.timestamp) revert ClearanceExpired(clearance.nonce, clearance.expiry);
        if (usedClearances[clearance.account][clearance.nonce]) revert ClearanceAlreadyUsed(clearance.account, clearance.nonce);
        bytes32 digest = _hashTyped(
            keccak256(abi.encode(CLEARANCE_TYPEHASH, clearance.account, clearance.token, clearance.amount, clearance.nonce, clearance.expiry))
        );
        _verifyQuorum(digest, signatures);
        usedClearances[clearance.account][clearance.nonce] = true;
        _debit(clearance.account, clearance.token, clearance.amount);
        _consumeOutflow(clearance.token, clearance.amount);
        IERC20Minimal(clearance.token).safeTransfer(clearance.account, clearance.amount);
        emit Withdrawn(clearance.account, clearance.token, clearance.amount, clearance.nonce);
    }

    // ---------------------------------------------------------------- inbox: execution

    /// @notice Executes one inbound transfer with its Merkle proof; anyone may call it.
    function executeTransfer(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        BridgeMessages.Transfer calldata transfer,
        bytes32[] calldata proof
    ) external whenNotPaused {
        (bytes32 key, bytes32 root) = _acceptedRoot(route, batchNumber);
        bytes32 leaf = BridgeMessages.transferLeaf(route, transfer);
        if (!MerkleProofs.verify(proof, root, leaf)) revert InvalidProof();
        _executeTransfer(key, leaf, transfer);
    }

    /// @notice Executes several inbound transfers of one batch against a multiproof. `transfers`
    /// are in ascending leaf order; all execute or none does. Replay bits and liquidity are kept
    /// in memory while consecutive transfers share a bitmap word or a token, and written once.
    function executeTransfers(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        BridgeMessages.Transfer[] calldata transfers,
        bytes32[] calldata proof,
        bytes calldata proofFlags
    ) external whenNotPaused {
        if (transfers.length == 0) revert EmptyBatch();
        (bytes32 key, bytes32 root) = _acceptedRoot(route, batchNumber);
        bytes32[] memory leaves = BridgeMessages.transferLeaves(route, transfers);
        if (MerkleProofs.processMultiproof(leaves, proof, proofFlags) != root) revert InvalidProof();
        _executeBatch(_executedWords(key), transfers);
        emit BatchExecuted(route.srcChainId, route.srcContract, batchNumber, leaves);
    }

    /// @notice Delivers a committee-attested liquidation to its venue. Runs while the vault is paused.
    function executeLiquidation(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        BridgeMessages.Liquidation calldata liquidation,
        bytes32[] calldata proof
    ) external nonReentrant {
        _consumeInstruction(route, batchNumber, BridgeMessages.liquidationLeaf(route, liquidation), proof, liquidation.nonce, liquidation.expiry);
        IVenueAdapter(liquidation.venue).liquidate(liquidation.account, liquidation.market, liquidation.sizeDelta, liquidation.price);
        if (liquidation.fundTransfer != 0) _settleWithFund(liquidation);
    }

    /// @notice Delivers a committee-attested auto-deleveraging to its venue: both sides change in one
    /// transaction or neither does (the venue refuses a change that would grow or flip a position).
    /// Runs while the vault is paused, like a liquidation, and shares the liquidation route's nonces.
    function executeDeleverage(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        BridgeMessages.Deleverage calldata deleverage,
        bytes32[] calldata proof
    ) external nonReentrant {
        _consumeInstruction(route, batchNumber, BridgeMessages.deleverageLeaf(route, deleverage), proof, deleverage.nonce, deleverage.expiry);
        IVenueAdapter venue = IVenueAdapter(deleverage.venue);
        venue.liquidate(deleverage.account, deleverage.market, deleverage.sizeDelta, deleverage.price);
        venue.liquidate(deleverage.counterparty, deleverage.market, -deleverage.sizeDelta, deleverage.price);
    }

    /// @notice Collects a liquidation fee the account could not pay on the venue's chain from its
    /// balance here (at most what it holds), as a transfer to that chain's insurance fund: the
    /// transfer pipeline carries it, and the destination vault credits its fund for a transfer whose
    /// recipient is the vault itself. Once per liquidation on this chain; runs while the vault is
    /// paused, like a liquidation, and shares the liquidation route's nonces.
    function executeFeeSweep(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        BridgeMessages.FeeSweep calldata sweep,
        bytes32[] calldata proof
    ) external nonReentrant {
        _consumeInstruction(route, batchNumber, BridgeMessages.feeSweepLeaf(route, sweep), proof, sweep.nonce, sweep.expiry);
        if (feeSwept[sweep.liquidationChainId][sweep.liquidationNonce]) revert FeeAlreadySwept(sweep.liquidationChainId, sweep.liquidationNonce);
        feeSwept[sweep.liquidationChainId][sweep.liquidationNonce] = true;
        uint256 balance = balanceOf[sweep.account][sweep.token];
        uint256 moved = sweep.amount < balance ? sweep.amount : balance;
        uint64 transferNonce;
        if (moved != 0) {
            (transferNonce,) = _initiateTransfer(sweep.account, sweep.liquidationChainId, sweep.token, moved, remoteVault[sweep.liquidationChainId]);
        }
        emit FeeSwept(sweep.account, sweep.liquidationChainId, sweep.liquidationNonce, sweep.token, sweep.amount, moved, transferNonce);
    }

    /// @notice Cancels a transfer that has not executed here: its nonce is marked executed on its route,
    /// so it never can, and its amount travels back to its sender on the source chain as a transfer
    /// from this vault, carried by the pipeline like any other, paid there from the liquidity the
    /// original locked. Nothing leaves this vault's liquidity: the original never drew on it. Reverts
    /// `AlreadyExecuted` when the transfer executed first. Runs while paused, like every instruction.
    function voidTransfer(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        BridgeMessages.TransferVoid calldata transferVoid,
        bytes32[] calldata proof
    ) external nonReentrant {
        _consumeInstruction(route, batchNumber, BridgeMessages.transferVoidLeaf(route, transferVoid), proof, transferVoid.nonce, transferVoid.expiry);
        if (transferVoid.refundTo == address(0)) revert ZeroRecipient();
        uint64 srcChainId = transferVoid.srcChainId;
        address srcVault = remoteVault[srcChainId];
        if (srcVault == address(0)) revert UnknownDestination(srcChainId);
        address srcToken = remoteToken[srcChainId][transferVoid.token];
        if (srcToken == address(0)) revert UnsupportedToken(srcChainId, transferVoid.token);
        _markExecuted(BridgeMessages.routeKey(srcChainId, srcVault), transferVoid.transferNonce, 0);
        bytes32 leaf = BridgeMessages.transferLeafMemory(
            BridgeMessages.Route(srcChainId, srcVault, uint64(block.chainid), address(this)),
            BridgeMessages.Transfer(transferVoid.transferNonce, 0, transferVoid.token, transferVoid.recipient, transferVoid.amount)
        );

        uint64 returnNonce = ++outboundNonce[srcChainId];
        bytes32 returnLeaf = BridgeMessages.transferLeafMemory(
            BridgeMessages.Route(uint64(block.chainid), address(this), srcChainId, srcVault),
            BridgeMessages.Transfer(returnNonce, 0, srcToken, transferVoid.refundTo, transferVoid.amount)
        );
        sentMessages[returnLeaf] = true;
        emit TransferVoided(leaf, srcChainId, transferVoid.transferNonce, transferVoid.refundTo, returnNonce, returnLeaf);
        emit TransferInitiated(returnLeaf, srcChainId, returnNonce, address(this), transferVoid.token, srcToken, transferVoid.refundTo, transferVoid.amount);
    }

    // ---------------------------------------------------------------- internals

    /// @dev A committee instruction (liquidation, deleveraging) in an accepted root: proven, unexpired, used once.
    function _consumeInstruction(
        BridgeMessages.Route calldata route,
        uint64 batchNumber,
        bytes32 leaf,
        bytes32[] calldata proof,
        uint64 nonce,
        uint64 expiry
    ) private {
        (bytes32 key, bytes32 root) = _acceptedRoot(route, batchNumber);
        if (!MerkleProofs.verify(proof, root, leaf)) revert InvalidProof();
        _markExecuted(key, nonce, expiry);
        emit MessageExecuted(leaf);
    }

    function _initiateTransfer(address account, uint64 dstChainId, address token, uint256 amount, address recipient)
        private
        returns (uint64 nonce, bytes32 leaf)
    {
        if (amount == 0) revert ZeroAmount();
        if (recipient == address(0)) revert ZeroRecipient();
        address dstVault = remoteVault[dstChainId];
        if (dstVault == address(0)) revert UnknownDestination(dstChainId);
        address dstToken = remoteToken[dstChainId][token];
        if (dstToken == address(0)) revert UnsupportedToken(dstChainId, token);
        _debit(account, token, amount);
        _consumeOutflow(token, amount);
        liquidity[token] += amount;

        nonce = ++outboundNonce[dstChainId];
        leaf = BridgeMessages.transferLeafMemory(
            BridgeMessages.Route(uint64(block.chainid), address(this), dstChainId, dstVault),
            BridgeMessages.Transfer(nonce, 0, dstToken, recipient, amount)
        );
        sentMessages[leaf] = true;
        emit TransferInitiated(leaf, dstChainId, nonce, account, token, dstToken, recipient, amount);
    }

    function _executeTransfer(bytes32 key, bytes32 leaf, BridgeMessages.Transfer calldata transfer) private {
        if (transfer.recipient == address(0)) revert ZeroRecipient();
        _markExecuted(key, transfer.nonce, transfer.expiry);
        uint256 available = liquidity[transfer.token];
        if (transfer.amount > available) revert InsufficientLiquidity(transfer.token, available, transfer.amount);
        unchecked {
            liquidity[transfer.token] = available - transfer.amount;
        }
        _credit(transfer.recipient, transfer.token, transfer.amount);
        emit MessageExecuted(leaf);
    }

    function _executeBatch(mapping(uint256 => uint256) storage executed, BridgeMessages.Transfer[] calldata transfers) private {
        uint256 wordIndex = type(uint256).max;
        uint256 bits;
        address token;
        uint256 available;
        for (uint256 i; i < transfers.length; ++i) {
            BridgeMessages.Transfer calldata transfer = transfers[i];
            address recipient = transfer.recipient;
            if (recipient == address(0)) revert ZeroRecipient();
            if (transfer.expiry != 0 && transfer.expiry < block.timestamp) revert MessageExpired(transfer.nonce, transfer.expiry);
            uint256 word = transfer.nonce >> 8;
            if (word != wordIndex) {
                if (wordIndex != type(uint256).max) executed[wordIndex] = bits;
                wordIndex = word;
                bits = executed[word];
            }
            uint256 bit = 1 << (transfer.nonce & 0xff);
            if (bits & bit != 0) revert AlreadyExecuted(transfer.nonce);
            bits |= bit;
            if (transfer.token != token) {
                if (token != address(0)) liquidity[token] = available;
                token = transfer.token;
                available = liquidity[token];
            }
            uint256 amount = transfer.amount;
            if (amount > available) revert InsufficientLiquidity(token, available, amount);
            unchecked {
                // Cannot overflow: every credit is paid out of liquidity that the vault holds.
                available -= amount;
            }
            _credit(recipient, token, amount);
        }
        executed[wordIndex] = bits;
        liquidity[token] = available;
    }

    /// @dev A fee takes what the account holds on this chain, up to the fee; a deficit takes what
    /// the fund holds, up to the deficit (auto-deleveraging covers the rest). Neither reverts, so
    /// a liquidation is never blocked by its settlement.
    function _settleWithFund(BridgeMessages.Liquidation calldata liquidation) private {
        address account = liquidation.account;
        address token = liquidation.token;
        int256 requested = liquidation.fundTransfer;
        uint256 moved;
        if (requested > 0) {
            uint256 balance = balanceOf[account][token];
            moved = uint256(requested) < balance ? uint256(requested) : balance;
            balanceOf[account][token] = balance - moved;
            insuranceFund[token] += moved;
        } else {
            uint256 fund = insuranceFund[token];
            moved = uint256(-requested) < fund ? uint256(-requested) : fund;
            insuranceFund[token] = fund - moved;
            balanceOf[account][token] += moved;
        }
        emit LiquidationSettled(account, token, liquidation.nonce, requested, requested > 0 ? int256(moved) : -int256(moved));
    }

    /// @dev An inbound transfer's credit: to the recipient's balance, or to the insurance fund when the
    /// recipient is this vault (a fee swept from another chain, or anyone funding it from there).
    /// Cannot overflow: every credit is paid out of liquidity that the vault holds.
    function _credit(address recipient, address token, uint256 amount) private {
        unchecked {
            if (recipient != address(this)) {
                balanceOf[recipient][token] += amount;
            } else {
                insuranceFund[token] += amount;
                emit InsuranceFunded(address(this), token, amount);
            }
        }
    }

    function _deposit(address account, address token, uint256 amount) private returns (uint64 nonce) {
        _pull(token, amount);
        nonce = nextDepositNonce++;
        uint256 balanceAfter = balanceOf[account][token] + amount;
        balanceOf[account][token] = balanceAfter;
        emit Deposited(nonce, account, token, amount, balanceAfter);
    }

    function _pull(address token, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        if (token == address(0)) revert ZeroAddress();
        IERC20Minimal erc20 = IERC20Minimal(token);
        uint256 before = erc20.balanceOf(address(this));
        erc20.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = erc20.balanceOf(address(this)) - before;
        if (received != amount) revert UnexpectedReceivedAmount(token, amount, received);
    }

    function _debit(address account, address token, uint256 amount) private {
        uint256 balance = balanceOf[account][token];
        if (amount > balance) revert InsufficientBalance(account, token, balance, amount);
        unchecked {
            balanceOf[account][token] = balance - amount;
        }
    }
}
