using System.Net.Http.Json;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Cli.Api;
using MarginBridge.Silo.Api;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>The silo's REST API as a test reads it: the CLI's client, plus raw HTTP for status-code checks.</summary>
public sealed class BridgeApi(string baseUrl) : IDisposable
{
    private readonly BridgeApiClient _client = new(new Uri(baseUrl));

    public HttpClient Http { get; } = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };

    public Task<AccountResponse> AccountAsync(string address) => _client.GetAccountAsync(address, CancellationToken.None);

    public Task<ChainStatus> ChainAsync(long chainId) => _client.GetChainAsync(chainId, CancellationToken.None);

    public Task<ChainStatus[]> ChainsAsync() => _client.GetChainsAsync(CancellationToken.None);

    public Task<TransferResponse> TransferAsync(string id) => _client.GetTransferAsync(id, CancellationToken.None);

    /// <summary>The transfer, or null while no relayer has seen it.</summary>
    public Task<TransferResponse?> FindTransferAsync(string id) => _client.FindTransferAsync(id, CancellationToken.None);

    public Task<TransferProofResponse> ProofAsync(string id) => _client.GetProofAsync(id, CancellationToken.None);

    /// <summary>
    /// Waits until no route into <paramref name="chainId"/> has a batch whose root or execution is
    /// still to be sent: the relayer's own transactions mine blocks there, which would confirm a
    /// test's L1 block behind its back.
    /// </summary>
    public Task AwaitRoutesIntoIdleAsync(long chainId) => Eventually.Until(
        async () => await Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/routes"),
        routes => routes.EnumerateArray().Where(r => r.GetProperty("dstChainId").GetInt64() == chainId).All(r =>
            r.GetProperty("openBatches").EnumerateArray().All(b => b.GetProperty("stage").GetString() == "Done")),
        $"no route into chain {chainId} has a root or an execution left to send",
        TimeSpan.FromSeconds(90));

    /// <summary>An operator action with the given bearer token (null: none).</summary>
    public async Task<HttpResponseMessage> OperatorPostAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
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
