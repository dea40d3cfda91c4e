using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;
using Nethereum.Signer;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// A member's decision on a liquidation instruction: it signs the one-instruction batch for the
/// venue's vault only after reading the account itself (two endpoints per chain, as for a
/// clearance) and finding with the margin library that the account is below maintenance, that the
/// instruction reduces a perpetual the account holds on that venue by no more than one block's
/// liquidation allows, and that its price lies between the oracle and the bankruptcy price (1 % of
/// the oracle price of slack for prices that moved between the silo's read and the member's), and
/// that its settlement with the insurance fund is no larger than that fill's fee or deficit.
/// </summary>
public sealed class LiquidationSigner(EthECKey key, MarginBridgeOptions bridge, MarginModel model, IReadOnlyList<AccountSnapshotReader> readers)
{
    private const int MaxLifetimeSeconds = 3_600;
    private static readonly System.Numerics.BigInteger SizeScale = System.Numerics.BigInteger.Pow(10, 10);

    public string Member { get; } = EvmAddress.Normalize(key.GetPublicAddress());

    public async Task<MemberDecision> DecideAsync(LiquidationBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (chain, liquidation, error) = body.Parse(bridge);
        if (chain is null || liquidation is null)
        {
            return MemberDecision.Refused(Member, error!);
        }

        var reads = await Task.WhenAll(readers.Select(r => r.ReadAsync(liquidation.Account, cancellationToken)));
        var (snapshot, disagreement) = reads.Length == 1 ? (reads[0], null) : AccountSnapshot.Combine(reads[0], reads[1]);
        if (snapshot is null)
        {
            return MemberDecision.Refused(Member, disagreement!);
        }

        var now = snapshot.HeadTimestamps[chain.ChainId];
        if (liquidation.Expiry <= (ulong)now || liquidation.Expiry > (ulong)now + MaxLifetimeSeconds)
        {
            return MemberDecision.Refused(Member, $"expiry {liquidation.Expiry} must be within {MaxLifetimeSeconds} s after {chain.Name}'s time {now}");
        }

        var book = LiveBook.Compile(new AccountView(liquidation.Account, snapshot.Balances, [], 0, 0, snapshot.Positions, null), bridge, model);
        if (book.Decide(new PriceBoard(snapshot.Prices), model, now, out var undecided) is not { } basis)
        {
            return MemberDecision.Refused(Member, undecided!);
        }

        var (margin, risks) = (basis.Margin, basis.Risks);
        var (equity, maintenance) = (SimulationResponse.Usd(margin.Equity), SimulationResponse.Usd(margin.MaintenanceRequirement));
        if (!margin.IsLiquidatable)
        {
            return MemberDecision.Refused(Member, $"the account is not below maintenance: equity {equity} USD, maintenance {maintenance} USD", equity, maintenance);
        }

        var market = Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.ToHex(liquidation.Market, true);
        var position = snapshot.Positions.FirstOrDefault(p => p.ChainId == chain.ChainId && p.Venue == liquidation.Venue && string.Equals(p.Market, market, StringComparison.OrdinalIgnoreCase));
        var input = position is null ? null : book.LiquidationInputFor(position, bridge, margin, risks);
        if (position is null || input is not { } found)
        {
            return MemberDecision.Refused(Member, $"the account holds no perpetual in market {market} on {chain.Name}'s venue {liquidation.Venue}", equity, maintenance);
        }

        var refusal = CheckInstruction(chain, liquidation, position, found);
        if (refusal is not null)
        {
            return MemberDecision.Refused(Member, refusal, equity, maintenance);
        }

        var digest = LiquidationRoute.AttestationDigest(chain, liquidation.Nonce, LiquidationRoute.Leaf(chain, liquidation));
        var signature = CommitteeSignatures.Sign(digest, [key]).Single();
        return new MemberDecision(Member, true, MemberDecision.Encode(signature), null, equity, maintenance);
    }

    private string? CheckInstruction(ChainOptions chain, Chains.Contracts.LiquidationStruct liquidation, VenuePosition position, LiquidationInput input)
    {
        if (liquidation.SizeDelta.Sign == position.Size.Sign || System.Numerics.BigInteger.Abs(liquidation.SizeDelta) > System.Numerics.BigInteger.Abs(position.Size))
        {
            return $"a size change of {liquidation.SizeDelta} does not reduce the position of {position.Size} without flipping it";
        }

        var parameters = model.Parameters.Liquidation;
        var allowed = Math.Abs(LiquidationMath.PositionDeltaThisBlock(input, parameters));
        var asked = System.Numerics.BigInteger.Abs(Rounding.AwayFromZero(liquidation.SizeDelta, SizeScale));
        if (asked > allowed)
        {
            return $"{asked} quantity units is more than one block's liquidation of this position allows ({allowed})";
        }

        var plan = LiquidationMath.Plan(input, new InsuranceFund(position.ChainId, Int128.MaxValue), parameters);
        var price = (long)(liquidation.Price / SizeScale);
        var slack = input.OraclePrice / 100;
        var low = Math.Min(input.OraclePrice, Math.Min(plan.FillablePrice, plan.BankruptcyPrice)) - slack;
        var high = Math.Max(input.OraclePrice, Math.Max(plan.FillablePrice, plan.BankruptcyPrice)) + slack;
        return price < low || price > high
            ? $"price {price} (USD × 1e8) is outside [{low}, {high}], between the oracle and the bankruptcy price"
            : CheckFundTransfer(chain, liquidation, input, (long)-asked * Math.Sign(input.PositionQuantity), price);
    }

    /// <summary>
    /// The settlement with the chain's insurance fund, recomputed for the instruction's own size and
    /// price: a fee at most the maximum liquidation fee of the fill's quote, a deficit at most what the
    /// fill leaves below bankruptcy (with 1 % of the quote of slack, as for the price).
    /// </summary>
    private string? CheckFundTransfer(ChainOptions chain, Chains.Contracts.LiquidationStruct liquidation, LiquidationInput input, long delta, long price)
    {
        var asked = FundSettlement.ToQuoteUnits(FundSettlement.TokenOf(chain)!, liquidation.FundTransfer);
        var parameters = model.Parameters.Liquidation;
        var quote = LiquidationMath.QuoteAtPrice(delta, price);
        var notional = System.Numerics.BigInteger.Abs((System.Numerics.BigInteger)quote);
        var expected = (System.Numerics.BigInteger)LiquidationMath.InsuranceFundDelta(quote, LiquidationMath.BankruptcyQuote(input, delta), parameters);
        var maxFee = notional * parameters.MaxLiquidationFeePpm / 1_000_000;
        var maxDeficit = System.Numerics.BigInteger.Max(-expected, 0) + (notional / 100);
        return asked.Sign switch
        {
            > 0 when asked > maxFee => $"a fee of {asked} quote units is more than the {maxFee} the maximum liquidation fee allows on this fill",
            < 0 when -asked > maxDeficit => $"a deficit of {-asked} quote units is more than the {maxDeficit} this fill leaves below bankruptcy (with 1 % slack)",
            _ => null,
        };
    }
}
