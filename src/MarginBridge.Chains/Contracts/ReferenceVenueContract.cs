using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.Chains.Contracts;

// Typed messages of contracts/src/ReferenceVenue.sol (IVenueAdapter's reference implementation).

public sealed class ReferenceVenueDeployment() : ContractDeploymentMessage(ContractArtifact.Load("ReferenceVenue").Bytecode)
{
    [Parameter("address", "vault_", 1)]
    public string Vault { get; set; } = string.Empty;
}

/// <summary>Instrument: 0 perpetual, 1 call, 2 put.</summary>
[Function("trade")]
public sealed class TradeFunction : FunctionMessage
{
    [Parameter("bytes32", "market", 1)]
    public byte[] Market { get; set; } = new byte[32];

    [Parameter("uint8", "instrument", 2)]
    public byte Instrument { get; set; }

    [Parameter("int256", "newSize", 3)]
    public BigInteger NewSize { get; set; }

    [Parameter("uint256", "price", 4)]
    public BigInteger Price { get; set; }

    [Parameter("uint256", "strike", 5)]
    public BigInteger Strike { get; set; }

    [Parameter("uint64", "expiry", 6)]
    public ulong Expiry { get; set; }
}

[Function("positions", typeof(VenuePositionOutput))]
public sealed class VenuePositionsFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("bytes32", "market", 2)]
    public byte[] Market { get; set; } = new byte[32];
}

[Function("openInterest", "uint256")]
public sealed class OpenInterestFunction : FunctionMessage
{
    [Parameter("bytes32", "market", 1)]
    public byte[] Market { get; set; } = new byte[32];
}

[FunctionOutput]
public sealed class VenuePositionOutput : IFunctionOutputDTO
{
    [Parameter("uint8", "instrument", 1)]
    public byte Instrument { get; set; }

    [Parameter("int256", "size", 2)]
    public BigInteger Size { get; set; }

    [Parameter("uint256", "strike", 3)]
    public BigInteger Strike { get; set; }

    [Parameter("uint64", "expiry", 4)]
    public ulong Expiry { get; set; }
}

/// <summary><c>IVenueAdapter.PositionChanged</c>: any venue's report of a position after a fill.</summary>
[Event("PositionChanged")]
public sealed class PositionChangedEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)]
    public string Account { get; set; } = string.Empty;

    [Parameter("bytes32", "market", 2, true)]
    public byte[] Market { get; set; } = new byte[32];

    [Parameter("uint8", "instrument", 3, false)]
    public byte Instrument { get; set; }

    [Parameter("int256", "size", 4, false)]
    public BigInteger Size { get; set; }

    [Parameter("uint256", "price", 5, false)]
    public BigInteger Price { get; set; }

    [Parameter("uint256", "strike", 6, false)]
    public BigInteger Strike { get; set; }

    [Parameter("uint64", "expiry", 7, false)]
    public ulong Expiry { get; set; }
}
