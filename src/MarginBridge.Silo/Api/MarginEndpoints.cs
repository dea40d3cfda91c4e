using MarginBridge.Margin.Portfolio;
using MarginBridge.Margin.WhatIf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MarginBridge.Silo.Api;

/// <summary>The portfolio-margin simulator: evaluates a hypothetical book with the configured parameters and changes nothing.</summary>
public static class MarginEndpoints
{
    public static IEndpointRouteBuilder MapMarginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/margin/simulate", Simulate)
            .WithName("SimulateMargin")
            .WithTags("Margin")
            .WithSummary("Margin of a what-if book (collateral, perpetuals, options, prices, vols) under the configured method; nothing is stored.");
        return app;
    }

    private static Results<Ok<SimulationResponse>, ValidationProblem> Simulate(WhatIfBook book, MarginModel model)
    {
        var compiled = BookCompiler.Compile(book, model);
        if (!compiled.IsValid)
        {
            return TypedResults.ValidationProblem(
                compiled.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Rule).ToArray()),
                title: $"Invalid {string.Join(", ", compiled.Errors.Select(e => e.Field).Distinct())}");
        }

        var compiledBook = compiled.Book!;
        var risks = new UnderlyingRisk[compiledBook.Markets.Length];
        var grid = new Int128[compiledBook.Markets.Length * model.ScenarioCount];
        var margin = compiledBook.Evaluate(model, risks, grid);
        return TypedResults.Ok(SimulationResponse.From(margin, compiledBook.Underlyings, risks, model, grid));
    }
}
