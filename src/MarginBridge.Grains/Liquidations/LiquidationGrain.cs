using System.Numerics;
using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Liquidations;
using MarginBridge.Abstractions.Margin;
using MarginBridge.Abstractions.Prices;
using MarginBridge.Abstractions.Submission;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Grains.Journal;
using MarginBridge.Grains.Margin;
using MarginBridge.Grains.Relaying;
using MarginBridge.Margin.Liquidation;
using MarginBridge.Margin.Portfolio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Grains.Liquidations;

/// <summary>
/// Liquidates one account while it is below maintenance (DESIGN §2 flow 5): it picks the perpetual
/// with the largest notional, plans one block's share of it with the margin library (dYdX's
/// partial liquidation: fillable price between oracle and bankruptcy, fee to or deficit from the
/// venue chain's insurance fund, auto-deleveraging when that fund cannot pay) — or, with no
/// perpetual left, the option with the largest value, closed at mark with a fee — has the committee attest the instruction (each member checks it
/// against its own reads), submits the root to the venue chain's vault and executes it there; the
/// venue's report then flows back through the relayer, and the next step is planned only once the
/// account shows it. Every step is an audit-journal row (subject <c>liquidation-{account}</c>).
/// Breakers never stop it: liquidations go on while withdrawals and moves halt.
/// </summary>
public sealed partial class LiquidationGrain(
    [PersistentState("liquidation", "liquidations")] IPersistentState<LiquidationState> state,
    IOptions<MarginBridgeOptions> options,
    MarginModel model,
    ChainConnections connections,
    CommitteeClient committee,
    AuditJournal journal,
    TimeProvider time,
    ILogger<LiquidationGrain> logger) : Grain, ILiquidationGrain
{
    private const int LifetimeSeconds = 600;
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(60);

    private IGrainTimer? _timer;
    private InstructionDriver _driver = null!;
    /// <summary>When each side may act again: [0] liquidation steps, [1] fee sweeps.</summary>
    private readonly DateTimeOffset[] _retryAt = new DateTimeOffset[2];

    private string Account => this.GetPrimaryKeyString();

    public static string JournalSubject(string account) => $"liquidation-{account}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _driver = new InstructionDriver(connections, committee, GrainFactory, options.Value.Pipeline, time);
        if (state.State.Pending is not null || state.State.AwaitReport is not null || state.State.Sweep is not null || state.State.UnpaidFees.Count > 0)
        {
            Start();
        }

        return Task.CompletedTask;
    }

    public Task Check()
    {
        Start();
        return Task.CompletedTask;
    }

    public Task<LiquidationView> GetView() => Task.FromResult(new LiquidationView(Account, state.State.Pending, [.. state.State.Done], state.State.Sweep));

    private void Start() =>
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromSeconds(1)) { KeepAlive = true });

    private void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Liquidation steps and fee sweeps go on side by side: a sweep waiting for the venue chain's finality holds up no step.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var sweeping = await GuardedAsync(isSweep: true, SweepAsync, cancellationToken);
        var liquidating = await GuardedAsync(isSweep: false, LiquidateAsync, cancellationToken);
        if (!sweeping && !liquidating)
        {
            Stop();
        }
    }

    /// <summary>Runs one side unless it waits; a failure is logged and retried shortly. Whether that side has work left.</summary>
    private async Task<bool> GuardedAsync(bool isSweep, Func<CancellationToken, Task<bool>> step, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < _retryAt[isSweep ? 1 : 0])
        {
            return true;
        }

        try
        {
            return await step(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStepFailed(Account, e.GetType().Name, e.Message);
            _retryAt[isSweep ? 1 : 0] = time.GetUtcNow().AddSeconds(2);
            return true;
        }
    }

    private async Task<bool> LiquidateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending is { } pending)
        {
            await DriveAsync(pending, cancellationToken);
            return true;
        }

        var (step, done) = await PlanAsync();
        if (step is not null && await OrderAsync(step) is { } order)
        {
            state.State.Pending = order;
            await state.WriteStateAsync(cancellationToken);
            await JournalAsync("Liquidation:Planned", $"reduce {order.Market} on {order.Venue} (chain {order.ChainId}) by {order.SizeDelta} at {order.Price}{(order.Counterparty is { } c ? $", deleveraged against {c}" : "")}; {order.PaidBy} pays (fee {order.FeeToFund}, deficit {order.PaidByFund} quote units; settles {order.FundTransfer} base units with chain {order.ChainId}'s fund); nonce {order.Nonce}");
        }

        return !done;
    }

    private async Task<bool> SweepAsync(CancellationToken cancellationToken)
    {
        if (state.State.Sweep is { } sweep)
        {
            await DriveAsync(sweep, cancellationToken);
            return true;
        }

        if (state.State.UnpaidFees.Count == 0)
        {
            return false;
        }

        await PlanSweepAsync(state.State.UnpaidFees[0].Liquidation, state.State.UnpaidFees[0].Unpaid, cancellationToken);
        return true;
    }

    /// <summary>The next step; (null, true) when the account no longer needs liquidating (or cannot be decided); (null, false) to wait.</summary>
    private async Task<(LiquidationStep? Step, bool Done)> PlanAsync()
    {
        var view = await GrainFactory.GetGrain<IAccountMarginGrain>(Account).GetView();
        if (state.State.AwaitReport is { } awaited)
        {
            var reported = view.Positions.FirstOrDefault(p => $"{p.ChainId}:{p.Venue}:{p.Market}" == awaited.Position)?.Size ?? 0;
            if (reported != awaited.Size && time.GetUtcNow() - awaited.Since < ReportWait)
            {
                return (null, false);
            }

            state.State.AwaitReport = null;
            await state.WriteStateAsync();
        }

        if (await MarginAsync(view) is not ({ Margin.IsLiquidatable: true } basis, var book))
        {
            return (null, true);
        }

        var (margin, risks) = (basis.Margin, basis.Risks);

        var candidate = view.Positions
            .Select(p => (Position: p, Input: book.LiquidationInputFor(p, options.Value, margin, risks)))
            .Where(c => c.Input is not null && options.Value.FindChain(c.Position.ChainId) is not null)
            .OrderByDescending(c => BigInteger.Abs(c.Position.Size) * c.Input!.Value.OraclePrice)
            .FirstOrDefault();
        if (candidate.Input is not { } input)
        {
            return PlanOption(view, book, margin);
        }

        var chainId = candidate.Position.ChainId;
        var fund = new InsuranceFund(chainId, (Int128)await GrainFactory.GetGrain<IInsuranceFundGrain>(chainId).GetBalance());
        var plan = LiquidationMath.Plan(input, fund, model.Parameters.Liquidation);
        if (plan.DeltaQuantity == 0)
        {
            return (null, false);
        }

        var (delta, counterparty) = (plan.DeltaQuantity, (string?)null);
        if (plan.PaidBy == LiquidationPayer.AutoDeleveraging && await FindCounterpartyAsync(candidate.Position, input, plan) is { } found)
        {
            (delta, counterparty) = (found.Fill, found.Account);
        }

        return (new LiquidationStep(candidate.Position, delta, plan.FillablePrice, plan.PaidBy, plan.FeeToFund, plan.PaidByFund, counterparty), false);
    }

    /// <summary>The account margined at the oracles' prices now; a null basis when it cannot be decided.</summary>
    private async Task<(LiveDecisionBasis? Basis, LiveBook Book)> MarginAsync(AccountView view)
    {
        var prices = await Task.WhenAll(options.Value.PriceFeeds.Select(f => GrainFactory.GetGrain<IPriceOracleGrain>(f.Asset).GetStatus()));
        var book = LiveBook.Compile(view, options.Value, model);
        return (book.Decide(new PriceBoard(prices), model, time.GetUtcNow().ToUnixTimeSeconds(), out _), book);
    }

    /// <summary>
    /// No perpetual to liquidate: the option position with the largest value at mark, one block's share
    /// of it closed at mark with the liquidation fee to the venue chain's fund (<see cref="OptionLiquidation"/>).
    /// </summary>
    private (LiquidationStep? Step, bool Done) PlanOption(AccountView view, LiveBook book, AccountMargin margin)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var candidate = view.Positions
            .Select(p => (Position: p, Found: book.OptionFor(p, options.Value)))
            .Where(c => c.Found is not null && options.Value.FindChain(c.Position.ChainId) is not null)
            .OrderByDescending(c => Math.Abs((double)c.Found!.Value.Option.Quantity) * OptionLiquidation.Mark(c.Found.Value.Option, c.Found.Value.Spot, c.Found.Value.Rate, now, roundUp: true))
            .FirstOrDefault();
        if (candidate.Found is not { } found)
        {
            return (null, true);
        }

        var (delta, price, fee) = OptionLiquidation.Plan(found.Option, margin.Equity, found.Spot, found.Rate, now, model.Parameters.Liquidation);
        return delta == 0
            ? (null, false)
            : (new LiquidationStep(candidate.Position, delta, price, LiquidationPayer.Account, fee, 0, null), false);
    }

    /// <summary>
    /// The fee of an executed liquidation that the account could not pay on the venue's chain is swept
    /// from the chain where it holds the most hard-final USDC (at most what is free there): a
    /// committee-attested instruction to that vault, which sends it through the transfer pipeline to
    /// the venue chain's insurance fund. Nothing to sweep from, or already swept: the journal says so.
    /// </summary>
    private async Task PlanSweepAsync(LiquidationRef liquidation, BigInteger unpaid, CancellationToken cancellationToken)
    {
        var venueChain = connections.GetChain(liquidation.ChainId);
        foreach (var chain in options.Value.Chains)
        {
            if (await connections.GetReader(chain.ChainId).QueryAsync<FeeSweptFunction, bool>(chain.Vault, new FeeSweptFunction { LiquidationChainId = (ulong)liquidation.ChainId, LiquidationNonce = liquidation.Nonce }, cancellationToken))
            {
                await ForgoSweepAsync($"the unpaid fee of liquidation {liquidation.Nonce} on {venueChain.Name} was already collected on {chain.Name}");
                return;
            }
        }

        var view = await GrainFactory.GetGrain<IAccountMarginGrain>(Account).GetView();
        var owed = FundSettlement.ToQuoteUnits(FundSettlement.TokenOf(venueChain)!, unpaid);
        if (FeeSweepSource.Choose(options.Value.Chains, view, liquidation.ChainId, owed) is not { } found)
        {
            await ForgoSweepAsync($"{owed} quote units of liquidation {liquidation.Nonce}'s fee stay unpaid: the account holds no free hard-final {FundSettlement.Asset} on another chain");
            return;
        }

        var (source, token, amount) = found;
        var head = await connections.GetReader(source.ChainId).GetHeadAsync(cancellationToken);
        var nonce = await GrainFactory.GetGrain<ILiquidationSequenceGrain>(source.ChainId).Take();
        var order = new LiquidationOrder(
            source.ChainId, nonce, (ulong)(head.Timestamp + LifetimeSeconds), string.Empty, string.Empty, 0, 0, nameof(LiquidationPayer.Account),
            FundSettlement.ToQuoteUnits(token, amount), 0, "Planned", null, null, time.GetUtcNow(), 0,
            EvmAddress.Normalize(token.Address), amount, null, head.Number, liquidation);
        state.State.Sweep = order;
        await state.WriteStateAsync(cancellationToken);
        await JournalAsync("Liquidation:SweepPlanned", $"collect {amount} base units of {source.Name}'s {FundSettlement.Asset} from the account for {venueChain.Name}'s insurance fund: liquidation {liquidation.Nonce} there left {owed} quote units of its fee unpaid; nonce {nonce} on {source.Name}");
    }

    private async Task ForgoSweepAsync(string why)
    {
        state.State.UnpaidFees.RemoveAt(0);
        await state.WriteStateAsync();
        await JournalAsync("Liquidation:FeeUnswept", why);
    }

    /// <summary>A planned step as the instruction, numbered on the venue chain's liquidation route; null when that chain has no settlement token.</summary>
    private async Task<LiquidationOrder?> OrderAsync(LiquidationStep step)
    {
        var chainId = step.Position.ChainId;
        if (FundSettlement.TokenOf(connections.GetChain(chainId)) is not { } token)
        {
            return null;
        }

        var head = await connections.GetReader(chainId).GetHeadAsync(CancellationToken.None);
        var nonce = await GrainFactory.GetGrain<ILiquidationSequenceGrain>(chainId).Take();
        return new LiquidationOrder(
            chainId, nonce, (ulong)(head.Timestamp + LifetimeSeconds), step.Position.Venue, step.Position.Market,
            step.SizeDelta, step.InstructionPrice, step.PaidBy.ToString(), (BigInteger)step.FeeToFund, (BigInteger)step.PaidByFund,
            "Planned", null, null, time.GetUtcNow(), step.Position.Size,
            EvmAddress.Normalize(token.Address), FundSettlement.ToBaseUnits(token, (BigInteger)(step.FeeToFund - step.PaidByFund)), step.Counterparty, head.Number);
    }

    /// <summary>
    /// The chain's fund cannot cover the deficit: the best ranked account (profit × leverage) holding the
    /// opposite perpetual on the same venue, from every exposure shard of the underlying, and the
    /// quantity closed against it this step (signed like the liquidation's delta); null when nobody holds it.
    /// </summary>
    private async Task<(string Account, long Fill)?> FindCounterpartyAsync(VenuePosition position, LiquidationInput input, LiquidationPlan plan)
    {
        var underlying = options.Value.Markets.Find(m => string.Equals(m.OnChainId, position.Market, StringComparison.OrdinalIgnoreCase))!.Underlying;
        var shards = await Task.WhenAll(Enumerable.Range(0, options.Value.Exposure.ShardsPerAsset).Select(i =>
            GrainFactory.GetGrain<IExposureShardGrain>(ExposureShards.Key(underlying, i)).FindOpposites(position.ChainId, position.Venue, position.Market, position.Size.Sign)));
        var ranked = DeleverageRanking.Rank([.. shards.SelectMany(s => s).Where(c => c.Account != Account)], input.PositionQuantity, plan.BankruptcyPrice);
        if (ranked.Count == 0)
        {
            return null;
        }

        var fill = Math.Min(Math.Abs(plan.DeleverageQuantity), Math.Abs(ranked[0].Quantity));
        return (ranked[0].Counterparty.Account, fill * -Math.Sign(input.PositionQuantity));
    }

    /// <summary>Takes the order a step further; the driver decides every step from the vault's own state, so a crash or a resend never delivers twice.</summary>
    private async Task DriveAsync(LiquidationOrder order, CancellationToken cancellationToken)
    {
        var chain = connections.GetChain(order.ChainId);
        var step = await _driver.AdvanceAsync(chain, order.Nonce, order.Expiry, InstructionOf(chain, order), order.Stage == "Sent" ? order.At : null, cancellationToken);
        switch (step.Outcome)
        {
            case InstructionOutcome.Executed:
                await FinishAsync(order, "Executed");
                break;
            case InstructionOutcome.Expired:
                await FinishAsync(order with { Waiting = step.Detail }, "Expired");
                break;
            case InstructionOutcome.Refused:
                if (order.Stage != "Planned" || order.SweepOf is not null || !await PlanAgainAsync(order, step.Detail))
                {
                    await WaitAsync(order, step.Detail);
                }

                break;
            case InstructionOutcome.RootRefused:
                await WaitAsync(order, step.Detail);
                break;
            case InstructionOutcome.Attested:
                await SentAsync(order with { Stage = "Attested" }, step.Sent!, step.Detail);
                break;
            case InstructionOutcome.Resent:
                await SentAsync(order, step.Sent!, step.Detail);
                break;
        }
    }

    /// <summary>
    /// A step the committee refuses before anything of it was sent (never attested) is planned again from
    /// what the silo reads now: abandoned when the account recovered, replaced when the plan changed (the
    /// members refuse a price or size planned from an older oracle round, and would until it expires);
    /// false to keep waiting when the plan is the same. The next tick numbers the replacement; the vault
    /// takes liquidation nonces in any order, so the unused one leaves a harmless gap.
    /// </summary>
    private async Task<bool> PlanAgainAsync(LiquidationOrder order, string refused)
    {
        var (step, done) = await PlanAsync();
        if (done)
        {
            await FinishAsync(order with { Waiting = $"abandoned: the account is no longer below maintenance ({refused})" }, "Abandoned");
            return true;
        }

        if (step is null || step.Matches(order))
        {
            return false;
        }

        await FinishAsync(order with { Waiting = $"replaced: planned again as {step.SizeDelta} at {step.InstructionPrice} ({refused})" }, "Replaced");
        return true;
    }

    /// <summary>The order as the message the members attest: a liquidation, an auto-deleveraging when it names a counterparty, or a fee sweep.</summary>
    private CommitteeInstruction InstructionOf(ChainOptions chain, LiquidationOrder order)
    {
        var route = LiquidationRoute.To(chain);
        if (order.SweepOf is { } swept)
        {
            var sweep = new FeeSweepStruct { Nonce = order.Nonce, Expiry = order.Expiry, Account = Account, Token = order.Token, Amount = order.FundTransfer, LiquidationChainId = (ulong)swept.ChainId, LiquidationNonce = swept.Nonce };
            var collect = new ExecuteFeeSweepFunction { Route = route, BatchNumber = order.Nonce, Sweep = sweep, Proof = [] };
            return new("sweeps", FeeSweepBody.From(order.ChainId, sweep), LiquidationRoute.Leaf(chain, sweep), collect.GetCallData().ToHex(prefix: true));
        }

        var market = order.Market.HexToByteArray();
        if (order.Counterparty is { } counterparty)
        {
            var deleverage = new DeleverageStruct { Nonce = order.Nonce, Expiry = order.Expiry, Venue = order.Venue, Market = market, Account = Account, Counterparty = counterparty, SizeDelta = order.SizeDelta, Price = order.Price };
            var execute = new ExecuteDeleverageFunction { Route = route, BatchNumber = order.Nonce, Deleverage = deleverage, Proof = [] };
            return new("deleverages", DeleverageBody.From(order.ChainId, deleverage), LiquidationRoute.Leaf(chain, deleverage), execute.GetCallData().ToHex(prefix: true));
        }

        var liquidation = new LiquidationStruct { Nonce = order.Nonce, Expiry = order.Expiry, Venue = order.Venue, Account = Account, Market = market, SizeDelta = order.SizeDelta, Price = order.Price, Token = order.Token, FundTransfer = order.FundTransfer };
        var call = new ExecuteLiquidationFunction { Route = route, BatchNumber = order.Nonce, Liquidation = liquidation, Proof = [] };
        return new("liquidations", LiquidationBody.From(order.ChainId, liquidation), LiquidationRoute.Leaf(chain, liquidation), call.GetCallData().ToHex(prefix: true));
    }

    private async Task SentAsync(LiquidationOrder order, SubmissionResult sent, string what)
    {
        if (!sent.IsSent)
        {
            await WaitAsync(order, $"the vault refuses the execution: {sent.Revert}");
            return;
        }

        Put(order with { Stage = "Sent", TransactionHash = sent.TransactionHash, Waiting = "execution sent; waiting for it to be mined", At = time.GetUtcNow() });
        await state.WriteStateAsync();
        await JournalAsync("Liquidation:Sent", $"{what}; execution of nonce {order.Nonce} sent in {sent.TransactionHash}");
    }

    private async Task WaitAsync(LiquidationOrder order, string why)
    {
        Put(order with { Waiting = why });
        await state.WriteStateAsync();
        _retryAt[order.SweepOf is null ? 0 : 1] = time.GetUtcNow().AddSeconds(3);
    }

    private async Task FinishAsync(LiquidationOrder order, string stage)
    {
        var unpaid = stage == "Executed" && order.SweepOf is null ? await UnpaidFeeAsync(order) : BigInteger.Zero;
        if (order.SweepOf is { } swept)
        {
            state.State.Sweep = null;
            if (stage == "Executed")
            {
                state.State.UnpaidFees.RemoveAll(f => f.Liquidation == swept);
            }
        }
        else
        {
            state.State.Pending = null;
            if (stage == "Executed")
            {
                state.State.AwaitReport = ($"{order.ChainId}:{order.Venue}:{order.Market}", order.SizeBefore + order.SizeDelta, time.GetUtcNow());
            }

            if (!unpaid.IsZero)
            {
                state.State.UnpaidFees.Add((new LiquidationRef(order.ChainId, order.Nonce), unpaid));
            }
        }

        state.State.Done.Add(order with { Stage = stage, At = time.GetUtcNow() });
        await state.WriteStateAsync();
        await JournalAsync($"Liquidation:{stage}", (stage, order.SweepOf) switch
        {
            ("Executed", { } of) => $"fee sweep {order.Nonce} executed on chain {order.ChainId}: up to {order.FundTransfer} base units of {order.Token} (what the account held) left the account as a transfer to chain {of.ChainId}'s insurance fund for liquidation {of.Nonce}",
            ("Executed", null) => $"nonce {order.Nonce} executed on chain {order.ChainId}; the vault settled {order.FundTransfer} base units of {order.Token} with chain {order.ChainId}'s insurance fund ({order.PaidBy}; > 0 a fee in, < 0 a deficit out, each within what the account or the fund held){(unpaid.IsZero ? "" : $"; {unpaid} base units of the fee were not there and are swept from another chain")}",
            _ => order.Waiting ?? stage,
        });
    }

    /// <summary>The order in its slot: the liquidation step or the fee sweep under way.</summary>
    private void Put(LiquidationOrder order)
    {
        if (order.SweepOf is null)
        {
            state.State.Pending = order;
        }
        else
        {
            state.State.Sweep = order;
        }
    }

    /// <summary>The part of an executed liquidation's fee the vault could not take from the account on the venue's chain (its <c>LiquidationSettled</c> event); zero for a deficit.</summary>
    private async Task<BigInteger> UnpaidFeeAsync(LiquidationOrder order)
    {
        if (order.FundTransfer.Sign <= 0)
        {
            return BigInteger.Zero;
        }

        var chain = connections.GetChain(order.ChainId);
        var reader = connections.GetReader(order.ChainId);
        var head = await reader.GetHeadAsync(CancellationToken.None);
        var settled = await reader.GetLiquidationSettlementsAsync(chain.Vault, Account, order.Nonce, Math.Max(order.PlannedAtBlock, chain.StartBlock), head.Number, CancellationToken.None);
        return settled.Count == 0 ? BigInteger.Zero : BigInteger.Max(settled[0].Event.Requested - settled[0].Event.Moved, 0);
    }

    private async Task JournalAsync(string kind, string detail)
    {
        var subject = JournalSubject(Account);
        var sequence = (await journal.ReadAsync(subject)).Count;
        await journal.AppendAsync(new JournalEntry(subject, sequence, kind, "liquidator", detail, time.GetUtcNow(), null));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Liquidating {Account}: a step failed, retrying: {ErrorType} {Error}")]
    private partial void LogStepFailed(string account, string errorType, string error);
}
