using System.Numerics;
using MarginBridge.Margin.Book;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Margin.Pricing;
using static MarginBridge.Margin.Tests.TestBook;

namespace MarginBridge.Margin.Tests.Portfolio;

/// <summary>Properties of the method on random books (fixed seed, <see cref="RandomBooks.Count"/> books each).</summary>
public sealed class MarginPropertyTests
{
    [Fact]
    public void MoreCollateral_NeverLowersHealth()
    {
        var random = new Random(RandomBooks.Seed + 1);
        foreach (var book in RandomBooks.Generate())
        {
            var before = book.Evaluate();
            book.Collateral.Add(RandomBooks.RandomHolding(random));
            var after = book.Evaluate();

            Assert.Equal(before.MaintenanceRequirement, after.MaintenanceRequirement);
            Assert.Equal(before.InitialRequirement, after.InitialRequirement);
            Assert.True(after.Equity >= before.Equity);
            Assert.True(after.Health >= before.Health);
            Assert.True(after.FreeCollateral >= before.FreeCollateral);
        }
    }

    [Fact]
    public void PerpAndItsExactHedge_NeedOnlyTheContingencies()
    {
        var random = new Random(RandomBooks.Seed + 2);
        foreach (var book in RandomBooks.Generate())
        {
            var underlying = random.Next(0, 3);
            book.Perps.RemoveAll(p => p.Underlying == underlying);
            var before = book.Evaluate();
            var quantity = random.NextInt64(1, Qty(50));
            book.Perps.Add(new PerpPosition(underlying, 7, quantity, book.Markets[underlying].Price));
            book.Perps.Add(new PerpPosition(underlying, 8, -quantity, book.Markets[underlying].Price));
            var after = book.Evaluate();

            // Every default tier's maintenance rate is at least the 1 % basis charge, so the charge is 1 % of the offset notional.
            var basis = CeilingDiv((BigInteger)quantity * book.Markets[underlying].Price, 100 * Scales.NotionalDivisor);
            Assert.Equal(basis, (BigInteger)book.Risks[underlying].BasisCharge);
            Assert.Equal(basis, (BigInteger)(after.MaintenanceRequirement - before.MaintenanceRequirement));
            Assert.Equal(before.Equity, after.Equity);
            Assert.Equal(0, book.Risks[underlying].NetPerpQuantity);
        }
    }

    [Fact]
    public void GridWorstCase_IsAtLeastEveryScenarioLoss()
    {
        var model = TestBook.DefaultModel;
        var grids = 0;
        foreach (var book in RandomBooks.Generate())
        {
            book.Evaluate();
            foreach (var risk in book.Risks.Where(r => r.Method == MarginMethod.Grid))
            {
                grids++;
                var cells = book.Grid.AsSpan(risk.Underlying * model.ScenarioCount, model.ScenarioCount);
                var largest = Int128.Zero;
                foreach (var pnl in cells)
                {
                    Assert.True(risk.WorstScenarioLoss >= -pnl);
                    largest = Int128.Max(largest, -pnl);
                }

                Assert.Equal(largest, risk.WorstScenarioLoss);
                Assert.Equal(-cells[risk.WorstScenario], risk.WorstScenarioLoss);
                Assert.Equal(0, cells[model.CenterScenario]);
            }
        }

        Assert.True(grids > RandomBooks.Count / 2, $"only {grids} grid-margined underlyings were generated");
    }

    [Fact]
    public void HalvingEveryPosition_NeverRaisesMaintenance()
    {
        foreach (var half in RandomBooks.Generate())
        {
            var whole = half.Clone();
            whole.Perps.Clear();
            whole.Perps.AddRange(half.Perps.Select(p => p with { Quantity = 2 * p.Quantity }));
            whole.Options.Clear();
            whole.Options.AddRange(half.Options.Select(o => o with { Quantity = 2 * o.Quantity }));

            var halved = half.Evaluate();
            var before = whole.Evaluate();

            Assert.True(halved.MaintenanceRequirement <= before.MaintenanceRequirement, $"{halved.MaintenanceRequirement} > {before.MaintenanceRequirement}");
            for (var u = 0; u < half.Markets.Count; u++)
            {
                Assert.True(half.Risks[u].MaintenanceRequirement <= whole.Risks[u].MaintenanceRequirement);
            }
        }
    }

    [Fact]
    public void OpposingPerpOnAnotherVenue_NeverRaisesMaintenance()
    {
        var random = new Random(RandomBooks.Seed + 3);
        var hedged = 0;
        foreach (var book in RandomBooks.Generate())
        {
            book.Evaluate();
            foreach (var risk in book.Risks.Where(r => r.Method == MarginMethod.Tier && r.NetPerpQuantity != 0))
            {
                var before = book.Evaluate().MaintenanceRequirement;
                var hedge = -Math.Sign(risk.NetPerpQuantity) * random.NextInt64(1, Math.Abs(risk.NetPerpQuantity) + 1);
                book.Perps.Add(new PerpPosition(risk.Underlying, 9, hedge, book.Markets[risk.Underlying].Price));
                Assert.True(book.Evaluate().MaintenanceRequirement <= before);
                hedged++;
            }
        }

        Assert.True(hedged > 50, $"only {hedged} hedges were tried");
    }

    [Fact]
    public void CollateralSums_AreExactToTheBaseUnit()
    {
        var model = TestBook.DefaultModel;
        foreach (var book in RandomBooks.Generate())
        {
            var margin = book.Evaluate();
            BigInteger sum = 0;
            BigInteger pending = 0;
            foreach (var holding in book.Collateral)
            {
                var counted = holding.IsFinal ? 10_000 : model.Parameters.Collateral.PendingCountedBps.For(holding.Layer);
                var exact = (BigInteger)holding.Amount * holding.Price * (10_000 - holding.HaircutBps) * counted * Scales.Quote
                    / (BigInteger.Pow(10, holding.Decimals) * Scales.Price * 10_000 * 10_000);
                Assert.Equal(exact, (BigInteger)model.CollateralValue(holding));
                sum += exact;
                pending += holding.IsFinal ? 0 : exact;
            }

            Assert.Equal(sum, (BigInteger)margin.CollateralValue);
            Assert.Equal(pending, (BigInteger)margin.PendingCollateralValue);
        }
    }

    [Fact]
    public void Rounding_IsConservative()
    {
        foreach (var book in RandomBooks.Generate())
        {
            var margin = book.Evaluate();
            BigInteger unrealizedScaled = 0;
            foreach (var perp in book.Perps)
            {
                unrealizedScaled += (BigInteger)perp.Quantity * (book.Markets[perp.Underlying].Price - perp.EntryPrice);
            }

            // Equity never counts more than the exact value, and loses less than a unit per position.
            var counted = (BigInteger)margin.UnrealizedPnl * Scales.NotionalDivisor;
            Assert.True(counted <= unrealizedScaled);
            Assert.True(counted > unrealizedScaled - ((BigInteger)Scales.NotionalDivisor * Math.Max(1, book.Perps.Count)));

            foreach (var risk in book.Risks.Where(r => r.Method == MarginMethod.Tier))
            {
                var market = book.Markets[risk.Underlying];
                var exactMaintenanceTimes = ((BigInteger)Math.Abs(risk.NetPerpQuantity) * 12_000 + (BigInteger)risk.OffsetPerpQuantity * 10_000) * market.Price;
                var divisor = (BigInteger)Scales.NotionalDivisor * 1_000_000;
                if (risk.Underlying == Sol)
                {
                    exactMaintenanceTimes = ((BigInteger)Math.Abs(risk.NetPerpQuantity) * 50_000 + (BigInteger)risk.OffsetPerpQuantity * 10_000) * market.Price;
                }

                // Requirements never fall below the exact value, and exceed it by less than a unit.
                Assert.True((BigInteger)risk.MaintenanceRequirement * divisor >= exactMaintenanceTimes);
                Assert.True((BigInteger)(risk.MaintenanceRequirement - 1) * divisor < exactMaintenanceTimes);
            }

            foreach (var risk in book.Risks.Where(r => r.Method == MarginMethod.Grid))
            {
                var value = book.Options.Where(o => o.Underlying == risk.Underlying).Sum(o =>
                    (double)o.Quantity / Scales.Quantity * BlackScholes.Price(
                        o.Kind,
                        (double)book.Markets[o.Underlying].Price / Scales.Price,
                        (double)o.Strike / Scales.Price,
                        (o.ExpiryUnixSeconds - Now) / Scales.SecondsPerYear,
                        0,
                        o.Volatility));
                Assert.True((double)risk.OptionValue <= value * Scales.Quote + 1e-3);
                Assert.True((double)risk.OptionValue > (value * Scales.Quote) - 1.001);
            }
        }
    }

    private static BigInteger CeilingDiv(BigInteger numerator, BigInteger denominator) =>
        (numerator + denominator - 1) / denominator;
}
