namespace MarginBridge.Abstractions.Liquidations;

/// <summary>Numbers the liquidation instructions to one chain's vault (key: chain id): each number is the instruction's nonce and its batch's number.</summary>
public interface ILiquidationSequenceGrain : IGrainWithIntegerKey
{
    Task<ulong> Take();
}
