using System.Text.Json;
using MarginBridge.Devnet.Processes;

namespace MarginBridge.Cli.Api;

/// <summary>Which API the CLI talks to: --api, else $MB_API, else the running devnet's devnet.json.</summary>
public static class ApiLocation
{
    public static string DefaultDataDirectory => Path.Combine(RepositoryLayout.RepositoryRoot, ".devnet");

    public static Uri Resolve(string? explicitUrl)
    {
        var url = explicitUrl ?? Environment.GetEnvironmentVariable("MB_API") ?? FromManifest(m => m.GetProperty("api").GetProperty("urls")[0].GetString())
            ?? throw new CliUsageException("no API to talk to: pass --api URL, set MB_API, or start the devnet with 'mb devnet'");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliUsageException($"--api: '{url}' is not an absolute http(s) URL");
    }

    /// <summary>The RPC URL of a chain of the running devnet, or null.</summary>
    public static string? DevnetRpc(long chainId) => FromManifest(m => m.GetProperty("chains").EnumerateArray()
        .Where(c => c.GetProperty("chainId").GetInt64() == chainId)
        .Select(c => c.GetProperty("rpcUrl").GetString())
        .FirstOrDefault());

    /// <summary>A value read from the running devnet's <c>devnet.json</c> (in <paramref name="dataDirectory"/>, default .devnet); null when no devnet runs.</summary>
    public static T? FromManifest<T>(Func<JsonElement, T?> read, string? dataDirectory = null)
        where T : class
    {
        var manifest = Path.Combine(dataDirectory ?? DefaultDataDirectory, "devnet.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return read(json.RootElement);
    }
}
