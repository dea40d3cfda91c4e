using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.Chains.Contracts;

// Typed messages of contracts/src/BridgeInbox.sol (part of every MarginVault).

[Function("setCommittee")]
public sealed class SetCommitteeFunction : FunctionMessage
{
    [Parameter("address[]", "members", 1)]
    public List<string> Members { get; set; } = [];

    [Parameter("uint8", "threshold_", 2)]
    public byte Threshold { get; set; }
}

[Function("setWatcher")]
public sealed class SetWatcherFunction : FunctionMessage
{
    [Parameter("address", "watcher", 1)]
    public string Watcher { get; set; } = string.Empty;

    [Parameter("bool", "allowed", 2)]
    public bool Allowed { get; set; }
}

[Function("configureRoute")]
public sealed class ConfigureRouteFunction : FunctionMessage
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("bool", "optimistic", 3)]
    public bool Optimistic { get; set; }

    [Parameter("uint32", "challengeWindow", 4)]
    public uint ChallengeWindow { get; set; }
}

[Function("unpauseRoute")]
public sealed class UnpauseRouteFunction : FunctionMessage
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;
}

[Function("submitRoot")]
public sealed class SubmitRootFunction : FunctionMessage
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "batchNumber", 3)]
    public ulong BatchNumber { get; set; }

    [Parameter("bytes32", "root", 4)]
    public byte[] Root { get; set; } = new byte[32];

    [Parameter("uint32", "messageCount", 5)]
    public uint MessageCount { get; set; }

    [Parameter("tuple[]", "signatures", 6)]
    public List<SignatureStruct> Signatures { get; set; } = [];
}

[Function("proposeRoot")]
public sealed class ProposeRootFunction : FunctionMessage
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "batchNumber", 3)]
    public ulong BatchNumber { get; set; }

    [Parameter("bytes32", "root", 4)]
    public byte[] Root { get; set; } = new byte[32];

    [Parameter("bytes32[]", "leaves", 5)]
    public List<byte[]> Leaves { get; set; } = [];
}

[Function("challenge")]
public sealed class ChallengeFunction : FunctionMessage
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "batchNumber", 3)]
    public ulong BatchNumber { get; set; }
}

[Function("isExecuted", "bool")]
public sealed class IsExecutedFunction : FunctionMessage
{
    [Parameter("uint64", "srcChainId", 1)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "nonce", 3)]
    public ulong MessageNonce { get; set; }
}

/// <summary><c>routes(routeKey)</c>: whether a route is enabled, optimistic, paused, and its challenge window.</summary>
[Function("routes", typeof(RouteConfigOutput))]
public sealed class RoutesFunction : FunctionMessage
{
    [Parameter("bytes32", "routeKey", 1)]
    public byte[] RouteKey { get; set; } = new byte[32];
}

[FunctionOutput]
public sealed class RouteConfigOutput : IFunctionOutputDTO
{
    [Parameter("bool", "enabled", 1)]
    public bool Enabled { get; set; }

    [Parameter("bool", "optimistic", 2)]
    public bool Optimistic { get; set; }

    [Parameter("bool", "paused", 3)]
    public bool Paused { get; set; }

    [Parameter("uint32", "challengeWindow", 4)]
    public uint ChallengeWindow { get; set; }
}

/// <summary><c>batches(routeKey, batchNumber)</c>: the root a route's batch number holds on this inbox.</summary>
[Function("batches", typeof(BatchOutput))]
public sealed class BatchesFunction : FunctionMessage
{
    [Parameter("bytes32", "routeKey", 1)]
    public byte[] RouteKey { get; set; } = new byte[32];

    [Parameter("uint64", "batchNumber", 2)]
    public ulong BatchNumber { get; set; }
}

[FunctionOutput]
public sealed class BatchOutput : IFunctionOutputDTO
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = new byte[32];

    [Parameter("uint40", "acceptableAt", 2)]
    public ulong AcceptableAt { get; set; }

    [Parameter("bool", "voided", 3)]
    public bool Voided { get; set; }
}

[Function("domainSeparator", "bytes32")]
public sealed class DomainSeparatorFunction : FunctionMessage;

[Function("pause")]
public sealed class PauseFunction : FunctionMessage;

[Function("unpause")]
public sealed class UnpauseFunction : FunctionMessage;

[Function("paused", "bool")]
public sealed class PausedFunction : FunctionMessage;

[Function("setGuardian")]
public sealed class SetGuardianFunction : FunctionMessage
{
    [Parameter("address", "newGuardian", 1)]
    public string NewGuardian { get; set; } = string.Empty;
}

[Function("setOutflowLimit")]
public sealed class SetOutflowLimitFunction : FunctionMessage
{
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint128", "capacity", 2)]
    public System.Numerics.BigInteger Capacity { get; set; }

    [Parameter("uint64", "periodSeconds", 3)]
    public ulong PeriodSeconds { get; set; }
}

[Event("MessageExecuted")]
public sealed class MessageExecutedEvent : IEventDTO
{
    [Parameter("bytes32", "leaf", 1, true)]
    public byte[] Leaf { get; set; } = new byte[32];
}

[Event("RootAccepted")]
public sealed class RootAcceptedEvent : IEventDTO
{
    [Parameter("uint64", "srcChainId", 1, true)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2, true)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "batchNumber", 3, true)]
    public ulong BatchNumber { get; set; }

    [Parameter("bytes32", "root", 4, false)]
    public byte[] Root { get; set; } = new byte[32];

    [Parameter("uint32", "messageCount", 5, false)]
    public uint MessageCount { get; set; }
}

/// <summary>An optimistic root with its leaves, acceptable at <see cref="AcceptableAt"/> unless a watcher challenges it.</summary>
[Event("RootProposed")]
public sealed class RootProposedEvent : IEventDTO
{
    [Parameter("uint64", "srcChainId", 1, true)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2, true)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "batchNumber", 3, true)]
    public ulong BatchNumber { get; set; }

    [Parameter("bytes32", "root", 4, false)]
    public byte[] Root { get; set; } = new byte[32];

    [Parameter("uint32", "messageCount", 5, false)]
    public uint MessageCount { get; set; }

    [Parameter("uint40", "acceptableAt", 6, false)]
    public ulong AcceptableAt { get; set; }

    [Parameter("bytes32[]", "leaves", 7, false)]
    public List<byte[]> Leaves { get; set; } = [];
}

/// <summary>Several transfers of one batch executed in one call; names every leaf.</summary>
[Event("BatchExecuted")]
public sealed class BatchExecutedEvent : IEventDTO
{
    [Parameter("uint64", "srcChainId", 1, true)]
    public ulong SrcChainId { get; set; }

    [Parameter("address", "srcContract", 2, true)]
    public string SrcContract { get; set; } = string.Empty;

    [Parameter("uint64", "batchNumber", 3, true)]
    public ulong BatchNumber { get; set; }

    [Parameter("bytes32[]", "leaves", 4, false)]
    public List<byte[]> Leaves { get; set; } = [];
}
