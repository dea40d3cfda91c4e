using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>The silo's REST API as a test reads it.</summary>
public sealed class BridgeApi(string baseUrl) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http { get; } = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };

    public async Task<AccountResponse> AccountAsync(string address) =>
        (await Http.GetFromJsonAsync<AccountResponse>($"/accounts/{address}", Json))!;

    public async Task<ChainStatus> ChainAsync(long chainId) =>
        (await Http.GetFromJsonAsync<ChainStatus>($"/chains/{chainId}", Json))!;

    public void Dispose() => Http.Dispose();
}
