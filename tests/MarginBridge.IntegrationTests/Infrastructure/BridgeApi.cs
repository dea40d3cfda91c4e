using MarginBridge.Abstractions.Chains;
using MarginBridge.Cli.Api;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>The silo's REST API as a test reads it: the CLI's client, plus raw HTTP for status-code checks.</summary>
public sealed class BridgeApi(string baseUrl) : IDisposable
{
    private readonly BridgeApiClient _client = new(new Uri(baseUrl));

    public HttpClient Http { get; } = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };

    public Task<AccountResponse> AccountAsync(string address) => _client.GetAccountAsync(address, grid: false, CancellationToken.None);

    public Task<ChainStatus> ChainAsync(long chainId) => _client.GetChainAsync(chainId, CancellationToken.None);

    public Task<ChainStatus[]> ChainsAsync() => _client.GetChainsAsync(CancellationToken.None);

    public Task<TransferResponse> TransferAsync(string id) => _client.GetTransferAsync(id, CancellationToken.None);

    /// <summary>The transfer, or null while no relayer has seen it.</summary>
    public Task<TransferResponse?> FindTransferAsync(string id) => _client.FindTransferAsync(id, CancellationToken.None);

    public Task<TransferResponse[]> AccountTransfersAsync(string address) => _client.GetAccountTransfersAsync(address, CancellationToken.None);

    public Task<Abstractions.Breakers.BreakerStatus[]> BreakersAsync() => _client.GetBreakersAsync(CancellationToken.None);

    public Task<PriceResponse[]> PricesAsync() => _client.GetPricesAsync(CancellationToken.None);

    public Task<TransferProofResponse> ProofAsync(string id) => _client.GetProofAsync(id, CancellationToken.None);

    /// <summary>An operator action with the given bearer token (null: none) and body (null: none).</summary>
    public async Task<HttpResponseMessage> OperatorPostAsync(string path, string? token, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public void Dispose()
    {
        _client.Dispose();
        Http.Dispose();
    }
}
