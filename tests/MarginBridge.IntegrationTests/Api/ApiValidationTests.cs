using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarginBridge.Abstractions.Chains;
using MarginBridge.IntegrationTests.Infrastructure;

namespace MarginBridge.IntegrationTests.Api;

[Collection(DevnetCollection.Name)]
public sealed class ApiValidationTests(DevnetFixture devnet)
{
    [Theory]
    [InlineData("/accounts/0x1234", "address")]
    [InlineData("/accounts/not-an-address", "address")]
    [InlineData("/accounts/0x70997970c51812dc3a010c7d01b50e0d17dc79c8?chainId=999", "chainId")]
    [InlineData("/accounts/0x70997970c51812dc3a010c7d01b50e0d17dc79c8?chainId=abc", "chainId")]
    [InlineData("/accounts/0x12/transfers", "address")]
    [InlineData("/transfers/0x12/journal", "id")]
    [InlineData("/chains/999", "chainId")]
    [InlineData("/chains/hub", "chainId")]
    public async Task MalformedRequest_Answers400WithProblemDetailsNamingTheField(string path, string field)
    {
        using var response = await devnet.Api.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"the problem names '{field}': {problem}");
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task Chains_ListsEveryConfiguredChainWithItsLayerKind()
    {
        var chains = await devnet.Api.ChainsAsync();
        Assert.Equal(
            [(31001L, LayerKind.L1), (31002L, LayerKind.Optimistic), (31003L, LayerKind.ZkRollup), (31004L, LayerKind.AppChain)],
            chains!.Select(c => (c.ChainId, c.Kind)));
    }

    [Fact]
    public async Task UnknownAccount_IsEmptyNotAnError()
    {
        var view = await devnet.Api.AccountAsync("0x000000000000000000000000000000000000dEaD");
        Assert.Equal("0x000000000000000000000000000000000000dead", view.Address);
        Assert.Empty(view.Balances);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var document = await devnet.Api.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/accounts/{address}", "/chains", "/chains/{chainId}", "/health", "/transfers/{id}", "/transfers/{id}/journal", "/accounts/{address}/transfers" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lists {path}");
        }
    }

    [Fact]
    public async Task Dashboard_IsServed()
    {
        using var response = await devnet.Api.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
