using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Chains.Proofs;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Grains.Liquidations;
using MarginBridge.Grains.Margin;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// A member's decision on a liquidation or an auto-deleveraging: it signs the one-instruction batch
/// for the venue's vault only after reading the account itself (two endpoints per chain, as for a
/// clearance) and finding with the margin library that the account is below maintenance and that the
/// instruction reduces a position the account holds on that venue by no more than one block's
/// liquidation allows. A perpetual's price must lie between the oracle and the bankruptcy price
/// and its settlement with the insurance fund be no larger than that fill's fee or deficit; an
/// option closes at its mark and pays at most the option liquidation fee; a
/// deleveraging needs a fund (read on chain) that cannot cover the deficit, the bankruptcy price, and
/// a counterparty holding at least as much of the opposite side there that ranks first by profit ×
/// leverage among every account holding that side. Prices get 1 % of the oracle price of slack for
/// prices that moved between the silo's read and the member's.
/// </summary>
public sealed class LiquidationSigner(EthECKey key, MarginBridgeOptions bridge, MarginModel model, IReadOnlyList<AccountSnapshotReader> readers)
{
    public string Member { get; } = EvmAddress.Normalize(key.GetPublicAddress());

    public async Task<MemberDecision> DecideAsync(LiquidationBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (chain, liquidation, error) = body.Parse(bridge);
        if (chain is null || liquidation is null)
        {
            return MemberDecision.Refused(Member, error!);
        }

        var (found, refused) = await AssessAsync(chain, liquidation.Account, liquidation.Venue, liquidation.Market, liquidation.Expiry, liquidation.SizeDelta, cancellationToken);
        if (found is null)
        {
            return refused!;
        }

        var price = (long)(liquidation.Price / VenueScale.PerLibraryUnit);
        var refusal = found.Perpetual is { } input ? CheckPerpetual(chain, liquidation, input, found.Delta, price) : CheckOption(chain, liquidation, found, price);
        return refusal is null
            ? Sign(chain, liquidation.Nonce, LiquidationRoute.Leaf(chain, liquidation), found)
            : MemberDecision.Refused(Member, refusal, found.Equity, found.Maintenance);
    }

    public async Task<MemberDecision> DecideAsync(DeleverageBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (chain, deleverage, error) = body.Parse(bridge);
        if (chain is null || deleverage is null)
        {
            return MemberDecision.Refused(Member, error!);
        }

        var (found, refused) = await AssessAsync(chain, deleverage.Account, deleverage.Venue, deleverage.Market, deleverage.Expiry, deleverage.SizeDelta, cancellationToken);
        if (found is null)
        {
            return refused!;
        }

        if (found.Perpetual is not { } input)
        {
            return MemberDecision.Refused(Member, "only a perpetual is deleveraged; an option is closed at mark", found.Equity, found.Maintenance);
        }

        var funds = await Task.WhenAll(readers.Select(r => r.ReadInsuranceFundAsync(chain, cancellationToken)));
        var fund = funds.Max();
        var plan = LiquidationMath.Plan(input, new InsuranceFund(chain.ChainId, (Int128)fund), model.Parameters.Liquidation);
        if (plan.PaidBy != LiquidationPayer.AutoDeleveraging)
        {
            return MemberDecision.Refused(Member, $"no deleveraging: {chain.Name}'s insurance fund holds {fund} quote units and this step is paid by {plan.PaidBy}", found.Equity, found.Maintenance);
        }

        var price = (long)(deleverage.Price / VenueScale.PerLibraryUnit);
        var (low, high) = Around(input.OraclePrice, plan.BankruptcyPrice, plan.BankruptcyPrice);
        if (price < low || price > high)
        {
            return MemberDecision.Refused(Member, $"price {price} (USD × 1e8) is not the bankruptcy price {plan.BankruptcyPrice} (allowed [{low}, {high}])", found.Equity, found.Maintenance);
        }

        var counterparty = (await Task.WhenAll(readers.Select(r => r.ReadAsync(deleverage.Counterparty, cancellationToken))))
            .Select(s => PositionOn(s, chain, deleverage.Venue, deleverage.Market)?.Size ?? 0)
            .MinBy(BigInteger.Abs);
        if (counterparty.Sign != deleverage.SizeDelta.Sign || BigInteger.Abs(counterparty) < BigInteger.Abs(deleverage.SizeDelta))
        {
            return MemberDecision.Refused(Member, $"the counterparty holds {counterparty} there: not the opposite side of at least {BigInteger.Abs(deleverage.SizeDelta)}", found.Equity, found.Maintenance);
        }

        return await CheckRankingAsync(chain, deleverage, input, plan.BankruptcyPrice, cancellationToken) is { } outranked
            ? MemberDecision.Refused(Member, outranked, found.Equity, found.Maintenance)
            : Sign(chain, deleverage.Nonce, LiquidationRoute.Leaf(chain, deleverage), found);
    }

    /// <summary>
    /// The counterparty must rank first among the accounts above maintenance that hold the opposite
    /// perpetual on that venue (profit × leverage at the bankruptcy price, as the silo ranks them),
    /// from the member's own reads: the venue's reports of every account in that market, then each
    /// holder's balances and positions on every chain. A score within 1 % of the best counts as first
    /// (prices move between the silo's read and the member's).
    /// </summary>
    private async Task<string?> CheckRankingAsync(ChainOptions chain, DeleverageStruct deleverage, LiquidationInput input, long bankruptcyPrice, CancellationToken cancellationToken)
    {
        var reader = readers[0];
        var opposites = new List<DeleverageCounterparty>();
        foreach (var (holder, position) in await reader.ReadPerpetualHoldersAsync(chain, deleverage.Venue, deleverage.Market, cancellationToken))
        {
            if (position.Size.Sign != -Math.Sign(input.PositionQuantity) || string.Equals(holder, deleverage.Account, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var snapshot = await reader.ReadAsync(holder, cancellationToken);
            if (BookOf(holder, snapshot).Decide(new PriceBoard(snapshot.Prices), model, snapshot.HeadTimestamps[chain.ChainId], out _) is { Margin.IsLiquidatable: false } basis)
            {
                opposites.Add(new DeleverageCounterparty(holder, position.Size, position.EntryPrice, (BigInteger)basis.Margin.Equity));
            }
        }

        var ranked = DeleverageRanking.Rank(opposites, input.PositionQuantity, bankruptcyPrice);
        var rank = ranked.ToList().FindIndex(r => string.Equals(r.Counterparty.Account, deleverage.Counterparty, StringComparison.OrdinalIgnoreCase));
        if (rank < 0)
        {
            return $"the counterparty {deleverage.Counterparty} is not above maintenance: it cannot take the position over";
        }

        var (best, score) = (ranked[0], ranked[rank].Score);
        return score >= best.Score - Math.Abs(best.Score) / 100
            ? null
            : $"the counterparty {deleverage.Counterparty} ranks {rank + 1} of {ranked.Count} by profit × leverage at the bankruptcy price (score {score:G4}); {best.Counterparty.Account} ranks first ({best.Score:G4})";
    }

    /// <summary>The account read from the chains, below maintenance, holding a perpetual there that <paramref name="sizeDelta"/> reduces by at most one block's share; or the refusal.</summary>
    private async Task<(Assessment? Found, MemberDecision? Refusal)> AssessAsync(ChainOptions chain, string account, string venue, byte[] market, ulong expiry, BigInteger sizeDelta, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(readers.Select(r => r.ReadAsync(account, cancellationToken)));
        var (snapshot, disagreement) = reads.Length == 1 ? (reads[0], null) : AccountSnapshot.Combine(reads[0], reads[1]);
        if (snapshot is null)
        {
            return (null, MemberDecision.Refused(Member, disagreement!));
        }

        var now = snapshot.HeadTimestamps[chain.ChainId];
        if (ExpiryWindow.Refusal(expiry, now, LiquidationRoute.MaxLifetimeSeconds, chain) is { } badExpiry)
        {
            return (null, MemberDecision.Refused(Member, badExpiry));
        }

        var book = BookOf(account, snapshot);
        if (book.Decide(new PriceBoard(snapshot.Prices), model, now, out var undecided) is not { } basis)
        {
            return (null, MemberDecision.Refused(Member, undecided!));
        }

        var (margin, risks) = (basis.Margin, basis.Risks);
        var (equity, maintenance) = (SimulationResponse.Usd(margin.Equity), SimulationResponse.Usd(margin.MaintenanceRequirement));
        if (!margin.IsLiquidatable)
        {
            return (null, MemberDecision.Refused(Member, $"the account is not below maintenance: equity {equity} USD, maintenance {maintenance} USD", equity, maintenance));
        }

        var position = PositionOn(snapshot, chain, venue, market);
        var perpetual = position is null ? null : book.LiquidationInputFor(position, bridge, margin, risks);
        var option = position is null ? null : book.OptionFor(position, bridge);
        if (position is null || (perpetual is null && option is null))
        {
            return (null, MemberDecision.Refused(Member, $"the account holds no position in market {market.ToHex(prefix: true)} on {chain.Name}'s venue {venue}", equity, maintenance));
        }

        if (sizeDelta.Sign == position.Size.Sign || BigInteger.Abs(sizeDelta) > BigInteger.Abs(position.Size))
        {
            return (null, MemberDecision.Refused(Member, $"a size change of {sizeDelta} does not reduce the position of {position.Size} without flipping it", equity, maintenance));
        }

        // One block's share, by the perpetual rule on the underlying's notional for options too.
        var shareInput = perpetual ?? new LiquidationInput(margin.Equity, 1, option!.Value.Option.Quantity, option.Value.Spot, 0, 0, 0);
        var allowed = Math.Abs(LiquidationMath.PositionDeltaThisBlock(shareInput, model.Parameters.Liquidation));
        var asked = BigInteger.Abs(Rounding.AwayFromZero(sizeDelta, VenueScale.PerLibraryUnit));
        return asked > allowed
            ? (null, MemberDecision.Refused(Member, $"{asked} quantity units is more than one block's liquidation of this position allows ({allowed})", equity, maintenance))
            : (new Assessment(perpetual, option, (long)asked * -Math.Sign(shareInput.PositionQuantity), now, equity, maintenance), null);
    }

    private LiveBook BookOf(string account, AccountSnapshot snapshot) =>
        LiveBook.Compile(new AccountView(account, snapshot.Balances, [], 0, 0, snapshot.Positions, null), bridge, model);

    /// <summary>A perpetual's price between the oracle and the bankruptcy price, and its settlement no larger than the fill's fee or deficit.</summary>
    private string? CheckPerpetual(ChainOptions chain, LiquidationStruct liquidation, LiquidationInput input, long delta, long price)
    {
        var plan = LiquidationMath.Plan(input, new InsuranceFund(chain.ChainId, Int128.MaxValue), model.Parameters.Liquidation);
        var (low, high) = Around(input.OraclePrice, Math.Min(plan.FillablePrice, plan.BankruptcyPrice), Math.Max(plan.FillablePrice, plan.BankruptcyPrice));
        return price < low || price > high
            ? $"price {price} (USD × 1e8) is outside [{low}, {high}], between the oracle and the bankruptcy price"
            : CheckFundTransfer(chain, liquidation, input, delta, price);
    }

    /// <summary>An option closes at its mark from the member's own oracle read (1 % of the spot of slack), paying at most the option liquidation fee.</summary>
    private string? CheckOption(ChainOptions chain, LiquidationStruct liquidation, Assessment found, long price)
    {
        var (option, spot, rate) = found.Option!.Value;
        var slack = spot / 100;
        var low = OptionLiquidation.Mark(option, spot, rate, found.Now, roundUp: false) - slack;
        var high = OptionLiquidation.Mark(option, spot, rate, found.Now, roundUp: true) + slack;
        if (price < low || price > high)
        {
            return $"price {price} (USD × 1e8) is outside [{low}, {high}], the option's mark at the oracle";
        }

        var fee = FundSettlement.ToQuoteUnits(FundSettlement.TokenOf(chain)!, liquidation.FundTransfer);
        var maxFee = (BigInteger)OptionLiquidation.Fee(found.Delta, price, Int128.MaxValue, model.Parameters.Liquidation);
        return fee.Sign < 0 || fee > maxFee
            ? $"closing an option settles only a fee, at most {maxFee} quote units here; {fee} asked"
            : null;
    }

    /// <summary>
    /// The settlement with the chain's insurance fund, recomputed for the instruction's own size and
    /// price: a fee at most the maximum liquidation fee of the fill's quote, a deficit at most what the
    /// fill leaves below bankruptcy (with 1 % of the quote of slack, as for the price).
    /// </summary>
    private string? CheckFundTransfer(ChainOptions chain, LiquidationStruct liquidation, LiquidationInput input, long delta, long price)
    {
        var asked = FundSettlement.ToQuoteUnits(FundSettlement.TokenOf(chain)!, liquidation.FundTransfer);
        var parameters = model.Parameters.Liquidation;
        var quote = LiquidationMath.QuoteAtPrice(delta, price);
        var notional = BigInteger.Abs((BigInteger)quote);
        var expected = (BigInteger)LiquidationMath.InsuranceFundDelta(quote, LiquidationMath.BankruptcyQuote(input, delta), parameters);
        var maxFee = notional * parameters.MaxLiquidationFeePpm / 1_000_000;
        var maxDeficit = BigInteger.Max(-expected, 0) + (notional / 100);
        return asked.Sign switch
        {
            > 0 when asked > maxFee => $"a fee of {asked} quote units is more than the {maxFee} the maximum liquidation fee allows on this fill",
            < 0 when -asked > maxDeficit => $"a deficit of {-asked} quote units is more than the {maxDeficit} this fill leaves below bankruptcy (with 1 % slack)",
            _ => null,
        };
    }

    /// <summary>The range from the oracle to the given prices, widened by 1 % of the oracle price.</summary>
    private static (long Low, long High) Around(long oracle, long low, long high)
    {
        var slack = oracle / 100;
        return (Math.Min(oracle, low) - slack, Math.Max(oracle, high) + slack);
    }

    private static VenuePosition? PositionOn(AccountSnapshot snapshot, ChainOptions chain, string venue, byte[] market)
    {
        var id = market.ToHex(prefix: true);
        return snapshot.Positions.FirstOrDefault(p => p.ChainId == chain.ChainId && p.Venue == venue && string.Equals(p.Market, id, StringComparison.OrdinalIgnoreCase));
    }

    private MemberDecision Sign(ChainOptions chain, ulong nonce, byte[] leaf, Assessment found)
    {
        var digest = LiquidationRoute.AttestationDigest(chain, nonce, leaf);
        var signature = CommitteeSignatures.Sign(digest, [key]).Single();
        return new MemberDecision(Member, true, MemberDecision.Encode(signature), null, found.Equity, found.Maintenance);
    }

    /// <param name="Perpetual">The liquidation input when the position is a perpetual.</param>
    /// <param name="Option">The option, its spot and rate when the position is an option.</param>
    /// <param name="Delta">The instruction's size change in quantity units.</param>
    private sealed record Assessment(
        LiquidationInput? Perpetual, (Margin.Book.OptionPosition Option, long Spot, double Rate)? Option, long Delta, long Now, string Equity, string Maintenance);
}
