using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace MarginBridge.Chains.Contracts;

// contracts/src/PriceFeed.sol: Chainlink's AggregatorV3 read interface, written by one feeder.

public sealed class PriceFeedDeployment() : ContractDeploymentMessage(ContractArtifact.Load("PriceFeed").Bytecode)
{
    [Parameter("string", "description_", 1)]
    public string Description { get; set; } = string.Empty;

    [Parameter("uint8", "decimals_", 2)]
    public byte Decimals { get; set; }

    [Parameter("address", "feeder_", 3)]
    public string Feeder { get; set; } = string.Empty;
}

[Function("submit")]
public sealed class SubmitAnswerFunction : FunctionMessage
{
    [Parameter("int256", "answer", 1)]
    public BigInteger Answer { get; set; }
}

[Function("latestRoundData", typeof(RoundDataOutput))]
public sealed class LatestRoundDataFunction : FunctionMessage;

[FunctionOutput]
public sealed class RoundDataOutput : IFunctionOutputDTO
{
    [Parameter("uint80", "", 1)]
    public BigInteger RoundId { get; set; }

    [Parameter("int256", "", 2)]
    public BigInteger Answer { get; set; }

    [Parameter("uint256", "", 3)]
    public BigInteger StartedAt { get; set; }

    [Parameter("uint256", "", 4)]
    public BigInteger UpdatedAt { get; set; }

    [Parameter("uint80", "", 5)]
    public BigInteger AnsweredInRound { get; set; }
}

[Error("NotFeeder")]
public sealed class NotFeederError : IErrorDTO
{
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}
