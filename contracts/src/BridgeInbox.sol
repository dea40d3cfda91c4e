// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessRoles} from "./AccessRoles.sol";
import {BridgeMessages} from "./BridgeMessages.sol";

/// @title BridgeInbox
/// @notice Accepts batch roots from the relayer committee and guards message execution: a root is
/// accepted in quorum mode (at least `threshold` distinct members signed its EIP-712 attestation,
/// signers strictly ascending) or in optimistic mode (a member proposed it and its route's
/// challenge window passed without a watcher voiding it). Each message executes once: a bitmap
/// keyed by route and nonce, not by root, so a message put into a second root still cannot run twice.
abstract contract BridgeInbox is AccessRoles {
    struct Signature {
        bytes32 r;
        bytes32 s;
        uint8 v;
    }

    struct RouteConfig {
        bool enabled;
        bool optimistic;
        bool paused;
        uint32 challengeWindow;
    }

    struct Batch {
        bytes32 root;
        uint40 acceptableAt;
        bool voided;
    }

    error NotCommitteeMember(address account);
    error NotWatcher(address account);
    error InvalidCommittee();
    error BelowThreshold(uint256 signatures, uint256 threshold);
    error SignersNotAscending(address previous, address next);
    error InvalidSignature();
    error UnknownRoute(uint64 srcChainId, address srcContract);
    error RoutePaused(uint64 srcChainId, address srcContract);
    error WrongRouteMode(bool optimistic);
    error BatchAlreadySubmitted(uint64 batchNumber, bytes32 root);
    error EmptyRoot();
    error UnknownBatch(uint64 batchNumber);
    error RootNotYetAcceptable(uint64 batchNumber, uint256 acceptableAt);
    error RootVoided(uint64 batchNumber);
    error ChallengeWindowOver(uint64 batchNumber);
    error LeafCountOutOfRange(uint256 leaves);
    error WrongDestination(uint64 dstChainId, address dstContract);
    error ZeroRecipient();
    error MessageExpired(uint64 nonce, uint64 expiry);
    error AlreadyExecuted(uint64 nonce);
    error InvalidProof();

    event CommitteeChanged(address[] members, uint8 threshold);
    event WatcherChanged(address indexed watcher, bool allowed);
    event RouteConfigured(uint64 indexed srcChainId, address indexed srcContract, bool optimistic, uint32 challengeWindow);
    event RouteUnpaused(uint64 indexed srcChainId, address indexed srcContract);
    event RootAccepted(uint64 indexed srcChainId, address indexed srcContract, uint64 indexed batchNumber, bytes32 root, uint32 messageCount);
    /// @dev The leaves are published with the root, so every watcher can rebuild the tree and prove each leaf on the source.
    event RootProposed(uint64 indexed srcChainId, address indexed srcContract, uint64 indexed batchNumber, bytes32 root, uint32 messageCount, uint40 acceptableAt, bytes32[] leaves);
    event RootChallenged(uint64 indexed srcChainId, address indexed srcContract, uint64 indexed batchNumber, address watcher);
    event MessageExecuted(bytes32 indexed leaf);
    /// @notice Several messages of one batch executed in one call: one event naming every leaf.
    event BatchExecuted(uint64 indexed srcChainId, address indexed srcContract, uint64 indexed batchNumber, bytes32[] leaves);

    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant ROOT_TYPEHASH =
        keccak256("RootAttestation(uint64 srcChainId,address srcContract,uint64 batchNumber,bytes32 root,uint32 messageCount)");

    mapping(address => bool) public isCommitteeMember;
    address[] private _members;
    uint8 public threshold;
    mapping(address => bool) public isWatcher;
    mapping(bytes32 routeKey => RouteConfig) public routes;
    mapping(bytes32 routeKey => mapping(uint64 batchNumber => Batch)) public batches;
    mapping(bytes32 routeKey => mapping(uint256 word => uint256 bits)) private _executed;

    // ---------------------------------------------------------------- configuration (admin)

    /// @notice Replaces the committee. Members must be strictly ascending (hence distinct and non-zero).
    function setCommittee(address[] calldata members, uint8 threshold_) external onlyAdmin {
        if (threshold_ == 0 || threshold_ > members.length) revert InvalidCommittee();
        for (uint256 i; i < _members.length; ++i) {
            isCommitteeMember[_members[i]] = false;
        }
        address previous;
        for (uint256 i; i < members.length; ++i) {
            if (members[i] <= previous) revert InvalidCommittee();
            isCommitteeMember[members[i]] = true;
            previous = members[i];
        }
        _members = members;
        threshold = threshold_;
        emit CommitteeChanged(members, threshold_);
    }

    function committee() external view returns (address[] memory) {
        return _members;
    }

    function setWatcher(address watcher, bool allowed) external onlyAdmin {
        isWatcher[watcher] = allowed;
        emit WatcherChanged(watcher, allowed);
    }

    /// @notice Enables the route from `srcContract` on `srcChainId` to this contract.
    function configureRoute(uint64 srcChainId, address srcContract, bool optimistic, uint32 challengeWindow) external onlyAdmin {
        if (srcContract == address(0)) revert ZeroAddress();
        routes[BridgeMessages.routeKey(srcChainId, srcContract)] = RouteConfig(true, optimistic, false, challengeWindow);
        emit RouteConfigured(srcChainId, srcContract, optimistic, challengeWindow);
    }

    /// @notice Only the admin resumes a route that a successful challenge paused.
    function unpauseRoute(uint64 srcChainId, address srcContract) external onlyAdmin {
        routes[BridgeMessages.routeKey(srcChainId, srcContract)].paused = false;
        emit RouteUnpaused(srcChainId, srcContract);
    }

    // ---------------------------------------------------------------- roots

    /// @notice Quorum mode: accepts `root` for `batchNumber` of the route when at least `threshold`
    /// committee members signed its attestation for this chain and this inbox.
    function submitRoot(
        uint64 srcChainId,
        address srcContract,
        uint64 batchNumber,
        bytes32 root,
        uint32 messageCount,
        Signature[] calldata signatures
    ) external {
        bytes32 key = _openRoute(srcChainId, srcContract, false, batchNumber, root);
        bytes32 digest = _hashTyped(keccak256(abi.encode(ROOT_TYPEHASH, srcChainId, srcContract, batchNumber, root, messageCount)));
        _verifyQuorum(digest, signatures);
        batches[key][batchNumber].root = root;
        emit RootAccepted(srcChainId, srcContract, batchNumber, root, messageCount);
    }

    /// @notice Optimistic mode: a committee member proposes a root with its leaves; it becomes
    /// acceptable once the route's challenge window has passed without a successful challenge.
    function proposeRoot(uint64 srcChainId, address srcContract, uint64 batchNumber, bytes32 root, bytes32[] calldata leaves) external {
        if (!isCommitteeMember[msg.sender]) revert NotCommitteeMember(msg.sender);
        if (leaves.length == 0 || leaves.length > type(uint32).max) revert LeafCountOutOfRange(leaves.length);
        uint32 messageCount = uint32(leaves.length);
        bytes32 key = _openRoute(srcChainId, srcContract, true, batchNumber, root);
        uint40 acceptableAt = uint40(block.timestamp + routes[key].challengeWindow);
        batches[key][batchNumber] = Batch(root, acceptableAt, false);
        emit RootProposed(srcChainId, srcContract, batchNumber, root, messageCount, acceptableAt, leaves);
    }

    /// @notice A watcher voids a proposed root inside its challenge window; the route pauses until the admin resumes it.
    function challenge(uint64 srcChainId, address srcContract, uint64 batchNumber) external {
        if (!isWatcher[msg.sender]) revert NotWatcher(msg.sender);
        bytes32 key = BridgeMessages.routeKey(srcChainId, srcContract);
        Batch storage batch = batches[key][batchNumber];
        if (batch.root == bytes32(0)) revert UnknownBatch(batchNumber);
        if (batch.voided) revert RootVoided(batchNumber);
        if (block.timestamp >= batch.acceptableAt) revert ChallengeWindowOver(batchNumber);
        batch.voided = true;
        routes[key].paused = true;
        emit RootChallenged(srcChainId, srcContract, batchNumber, msg.sender);
    }

    function domainSeparator() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("MarginBridge"), keccak256("1"), block.chainid, address(this)));
    }

    function isExecuted(uint64 srcChainId, address srcContract, uint64 nonce) external view returns (bool) {
        return _executed[BridgeMessages.routeKey(srcChainId, srcContract)][nonce >> 8] & (1 << (nonce & 0xff)) != 0;
    }

    // ---------------------------------------------------------------- for the executing contract

    /// @notice Checks the route and returns the accepted root of `batchNumber` on it.
    function _acceptedRoot(BridgeMessages.Route calldata route, uint64 batchNumber) internal view returns (bytes32 key, bytes32 root) {
        if (route.dstChainId != block.chainid || route.dstContract != address(this)) {
            revert WrongDestination(route.dstChainId, route.dstContract);
        }
        key = BridgeMessages.routeKey(route.srcChainId, route.srcContract);
        RouteConfig memory config = routes[key];
        if (!config.enabled) revert UnknownRoute(route.srcChainId, route.srcContract);
        if (config.paused) revert RoutePaused(route.srcChainId, route.srcContract);
        Batch memory batch = batches[key][batchNumber];
        if (batch.root == bytes32(0)) revert UnknownBatch(batchNumber);
        if (batch.voided) revert RootVoided(batchNumber);
        if (block.timestamp < batch.acceptableAt) revert RootNotYetAcceptable(batchNumber, batch.acceptableAt);
        return (key, batch.root);
    }

    /// @notice The replay bitmap of a route: bit (nonce & 255) of word (nonce >> 8).
    function _executedWords(bytes32 key) internal view returns (mapping(uint256 => uint256) storage) {
        return _executed[key];
    }

    /// @notice Marks (route, nonce) executed and refuses expired messages and replays.
    function _markExecuted(bytes32 key, uint64 nonce, uint64 expiry) internal {
        if (expiry != 0 && expiry < block.timestamp) revert MessageExpired(nonce, expiry);
        uint256 bit = 1 << (nonce & 0xff);
        uint256 word = _executed[key][nonce >> 8];
        if (word & bit != 0) revert AlreadyExecuted(nonce);
        _executed[key][nonce >> 8] = word | bit;
    }

    function _verifyQuorum(bytes32 digest, Signature[] calldata signatures) internal view {
        uint256 needed = threshold;
        if (needed == 0 || signatures.length < needed) revert BelowThreshold(signatures.length, needed);
        address previous;
        for (uint256 i; i < signatures.length; ++i) {
            Signature calldata sig = signatures[i];
            // Lower-half s and v of 27/28 only: no malleable second form of a signature.
            if (uint256(sig.s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0 || (sig.v != 27 && sig.v != 28)) {
                revert InvalidSignature();
            }
            address signer = ecrecover(digest, sig.v, sig.r, sig.s);
            if (signer == address(0)) revert InvalidSignature();
            if (signer <= previous) revert SignersNotAscending(previous, signer);
            if (!isCommitteeMember[signer]) revert NotCommitteeMember(signer);
            previous = signer;
        }
    }

    function _hashTyped(bytes32 structHash) internal view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    function _openRoute(uint64 srcChainId, address srcContract, bool optimistic, uint64 batchNumber, bytes32 root)
        private
        view
        returns (bytes32 key)
    {
        if (root == bytes32(0)) revert EmptyRoot();
        key = BridgeMessages.routeKey(srcChainId, srcContract);
        RouteConfig memory config = routes[key];
        if (!config.enabled) revert UnknownRoute(srcChainId, srcContract);
        if (config.paused) revert RoutePaused(srcChainId, srcContract);
        if (config.optimistic != optimistic) revert WrongRouteMode(config.optimistic);
        bytes32 existing = batches[key][batchNumber].root;
        if (existing != bytes32(0)) revert BatchAlreadySubmitted(batchNumber, existing);
    }
}
