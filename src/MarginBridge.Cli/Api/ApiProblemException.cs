using System.Net.Http.Json;
using System.Text.Json;

namespace MarginBridge.Cli.Api;

/// <summary>An API refusal with its problem-details title and the fields it named.</summary>
public sealed class ApiProblemException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static async Task<ApiProblemException> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : response.ReasonPhrase;
            var details = problem.TryGetProperty("errors", out var errors)
                ? string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(v => v.GetString()))}"))
                : problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new ApiProblemException(status, details is null ? $"{status} {title}" : $"{status} {title}: {details}");
        }
        catch (JsonException)
        {
            return new ApiProblemException(status, $"{status} {response.ReasonPhrase}");
        }
    }
}
