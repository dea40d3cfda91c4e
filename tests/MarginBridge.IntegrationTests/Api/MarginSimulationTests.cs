using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarginBridge.IntegrationTests.Infrastructure;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Api;

/// <summary>
/// The portfolio-margin simulator through the silo's API and the real `mb` process: the worked
/// example of docs/margin.md (a short strangle) comes back to the quote unit; bad books are
/// refused naming the field.
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed class MarginSimulationTests(DevnetFixture devnet)
{
    private static readonly string BookPath = Path.Combine(Devnet.Processes.RepositoryLayout.RepositoryRoot, "docs", "examples", "short-strangle.json");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task ShortStrangle_IsMarginedAsTheWorkedExample_ToTheQuoteUnit()
    {
        using var response = await devnet.Api.Http.PostAsync("/margin/simulate", new StringContent(await File.ReadAllTextAsync(BookPath), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var margin = (await response.Content.ReadFromJsonAsync<SimulationResponse>(Json))!;

        Assert.Equal("49088.647946", margin.Equity);
        Assert.Equal("5575.393629", margin.InitialRequirement);
        Assert.Equal("4460.314903", margin.MaintenanceRequirement);
        Assert.Equal("-911.352054", margin.OptionValue);
        var eth = Assert.Single(margin.Underlyings);
        Assert.Equal(MarginMethod.Grid, eth.Method);
        Assert.Equal("1200.000000", eth.Contingencies);
        Assert.Equal("3260.314903", eth.WorstScenarioLoss);
        Assert.Equal(new ScenarioResponse(16, VolShock.Up, 100), margin.Scenarios[eth.WorstScenario!.Value]);
        Assert.Equal(margin.Scenarios.Count, eth.Grid.Count);
        Assert.True(eth.Delta is > -10 and < 10, $"short strangle delta near zero: {eth.Delta}");
        Assert.True(eth.Gamma < 0 && eth.Vega < 0 && eth.Theta > 0, "a short strangle is short gamma and vega, long theta");
    }

    [Theory]
    [InlineData("options", 0, "volatility", -0.2, "options[0].volatility")]
    [InlineData("options", 1, "expiryUnixSeconds", 1_000, "options[1].expiryUnixSeconds")]
    [InlineData("options", 0, "underlying", "DOGE", "options[0].underlying")]
    [InlineData("collateral", 0, "token", "PEPE", "collateral[0].token")]
    public async Task BadBook_Answers400NamingTheField(string list, int index, string property, object value, string field)
    {
        var book = JsonNode.Parse(await File.ReadAllTextAsync(BookPath))!;
        book[list]![index]![property] = JsonValue.Create(value);
        using var response = await devnet.Api.Http.PostAsync("/margin/simulate", new StringContent(book.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}': {problem}");
    }

    [Fact]
    public async Task MbMarginSimulate_PrintsTheMarginAndTheGrid_AndNamesABadField()
    {
        var api = devnet.Api.Http.BaseAddress!.ToString();
        var (code, output) = await MbProcess.RunAsync(["margin", "simulate", BookPath, "--grid", "--api", api]);
        Assert.True(code == 0, output);
        Assert.Contains("49088.647946", output, StringComparison.Ordinal);
        Assert.Contains("-3260.314903", output, StringComparison.Ordinal);

        var bad = Path.Combine(Path.GetTempPath(), $"book-{Guid.NewGuid():N}.json");
        var book = JsonNode.Parse(await File.ReadAllTextAsync(BookPath))!;
        book["options"]![0]!["volatility"] = -1;
        await File.WriteAllTextAsync(bad, book.ToJsonString());
        try
        {
            (code, output) = await MbProcess.RunAsync(["margin", "simulate", bad, "--api", api]);
            Assert.NotEqual(0, code);
            Assert.Contains("options[0].volatility", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
