namespace MarginBridge.Margin.Liquidation;

/// <summary>One block's liquidation of one position, and who pays (quote units; prices × 1e8).</summary>
/// <param name="DeltaQuantity">Signed change of the position (opposite to it); 0 when nothing is liquidated.</param>
/// <param name="FillablePrice">The price the liquidation order may fill at, between the oracle and the bankruptcy price.</param>
/// <param name="QuoteAtFillablePrice">Quote the account receives (negative: pays) for the delta at the fillable price.</param>
/// <param name="BankruptcyQuote">Quote the account must receive for the delta so that it uses up exactly its share of equity.</param>
/// <param name="BankruptcyPrice">The same as a price, rounded in the fund's favour.</param>
/// <param name="FeeToFund">The liquidation fee the account pays to the fund.</param>
/// <param name="PaidByFund">The deficit the fund covers.</param>
/// <param name="FundChainId">The chain whose fund received the fee or paid the deficit.</param>
/// <param name="PaidBy">Who bears the outcome.</param>
/// <param name="DeleverageQuantity">With auto-deleveraging, the quantity to offset against opposite positions.</param>
public readonly record struct LiquidationPlan(
    long DeltaQuantity,
    long FillablePrice,
    Int128 QuoteAtFillablePrice,
    Int128 BankruptcyQuote,
    long BankruptcyPrice,
    Int128 FeeToFund,
    Int128 PaidByFund,
    long FundChainId,
    LiquidationPayer PaidBy,
    long DeleverageQuantity);
