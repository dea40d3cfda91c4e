using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarginBridge.Chains.Serialization;
using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Silo.Api;

namespace MarginBridge.Cli.Api;

/// <summary>The REST API of a silo, as the CLI uses it. Refusals come back as <see cref="ApiProblemException"/>.</summary>
public sealed class BridgeApiClient(Uri baseAddress) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(), new BigIntegerJsonConverter() } };
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress => baseAddress;

    public Task<AccountResponse> GetAccountAsync(string address, bool grid, CancellationToken cancellationToken) =>
        GetAsync<AccountResponse>($"/accounts/{Uri.EscapeDataString(address)}{(grid ? "?grid=true" : string.Empty)}", cancellationToken);

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

    public Task<Abstractions.Breakers.BreakerStatus[]> GetBreakersAsync(CancellationToken cancellationToken) =>
        GetAsync<Abstractions.Breakers.BreakerStatus[]>("/breakers", cancellationToken);

    public Task<PriceResponse[]> GetPricesAsync(CancellationToken cancellationToken) =>
        GetAsync<PriceResponse[]>("/prices", cancellationToken);

    public Task<BridgeResponse> GetBridgeAsync(CancellationToken cancellationToken) =>
        GetAsync<BridgeResponse>("/bridge", cancellationToken);

    public Task<TransferProofResponse> GetProofAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<TransferProofResponse>($"/transfers/{Uri.EscapeDataString(id)}/proof", cancellationToken);

    public Task<MoveResponse> PostMoveAsync(MoveRequestBody move, CancellationToken cancellationToken) =>
        PostAsync<MoveResponse>("/moves", JsonContent.Create(move, options: Json), cancellationToken);

    public Task<WithdrawalResponse> PostWithdrawalAsync(WithdrawalRequestBody request, CancellationToken cancellationToken) =>
        PostAsync<WithdrawalResponse>("/withdrawals", JsonContent.Create(request, options: Json), cancellationToken);

    /// <summary>Evaluates a what-if book given as the JSON text of a file.</summary>
    public Task<SimulationResponse> SimulateAsync(string bookJson, CancellationToken cancellationToken) =>
        PostAsync<SimulationResponse>("/margin/simulate", new StringContent(bookJson, System.Text.Encoding.UTF8, "application/json"), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(path, response, cancellationToken);
    }

    private async Task<T> PostAsync<T>(string path, HttpContent body, CancellationToken cancellationToken)
    {
        using (body)
        {
            using var response = await _http.PostAsync(path, body, cancellationToken);
            return await ReadAsync<T>(path, response, cancellationToken);
        }
    }

    private static async Task<T> ReadAsync<T>(string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{path} answered with an empty body");
    }
}
