using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Silo.Api;

namespace MarginBridge.Cli.Api;

/// <summary>The REST API of a silo, as the CLI uses it. Refusals come back as <see cref="ApiProblemException"/>.</summary>
public sealed class BridgeApiClient(Uri baseAddress) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress => baseAddress;

    public Task<AccountResponse> GetAccountAsync(string address, CancellationToken cancellationToken) =>
        GetAsync<AccountResponse>($"/accounts/{Uri.EscapeDataString(address)}", cancellationToken);

    public Task<ChainStatus[]> GetChainsAsync(CancellationToken cancellationToken) =>
        GetAsync<ChainStatus[]>("/chains", cancellationToken);

    public Task<ChainStatus> GetChainAsync(long chainId, CancellationToken cancellationToken) =>
        GetAsync<ChainStatus>($"/chains/{chainId}", cancellationToken);

    public Task<TransferResponse> GetTransferAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<TransferResponse>($"/transfers/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>The transfer, or null while no relayer has seen it (404).</summary>
    public async Task<TransferResponse?> FindTransferAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await GetTransferAsync(id, cancellationToken);
        }
        catch (ApiProblemException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task<TransferResponse[]> GetAccountTransfersAsync(string address, CancellationToken cancellationToken) =>
        GetAsync<TransferResponse[]>($"/accounts/{Uri.EscapeDataString(address)}/transfers", cancellationToken);

    public Task<BridgeResponse> GetBridgeAsync(CancellationToken cancellationToken) =>
        GetAsync<BridgeResponse>("/bridge", cancellationToken);

    public Task<TransferProofResponse> GetProofAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<TransferProofResponse>($"/transfers/{Uri.EscapeDataString(id)}/proof", cancellationToken);

    public async Task<MoveResponse> PostMoveAsync(MoveRequestBody move, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/moves", move, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<MoveResponse>(Json, cancellationToken)
            ?? throw new InvalidOperationException("/moves answered with an empty body");
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{path} answered with an empty body");
    }
}
