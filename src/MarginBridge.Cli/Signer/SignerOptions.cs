using MarginBridge.Chains.Configuration;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// A committee member process (<c>mb signer --config file.json</c>): its key, where it listens,
/// and the chains it watches with its own RPC endpoints.
/// </summary>
public sealed class SignerOptions
{
    /// <summary>File holding the member's private key (hex), readable by its owner only. Or set MB_SIGNER_KEY.</summary>
    public string KeyFile { get; set; } = string.Empty;

    public string HttpUrl { get; set; } = "http://127.0.0.1:7100";

    /// <summary>Where the member keeps the clearances it signed that may still be paid; beside the config file by default.</summary>
    public string ClearanceLedgerFile { get; set; } = string.Empty;

    public IReadOnlyList<string> Validate(MarginBridgeOptions bridge)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(KeyFile) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MB_SIGNER_KEY")))
        {
            errors.Add("Signer:KeyFile: is required (or set MB_SIGNER_KEY)");
        }
        else if (!string.IsNullOrWhiteSpace(KeyFile) && !File.Exists(KeyFile))
        {
            errors.Add($"Signer:KeyFile: {KeyFile} does not exist");
        }

        if (!Uri.TryCreate(HttpUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add("Signer:HttpUrl: must be an absolute http(s) URL");
        }

        errors.AddRange(MarginBridgeOptionsValidator.Validate(bridge).Where(e => !e.StartsWith("MarginBridge:Relayer", StringComparison.Ordinal)));
        errors.AddRange(MarginBridgeOptionsValidator.ValidateBreakersAndPrices(bridge));
        for (var i = 0; i < bridge.Chains.Count; i++)
        {
            if (bridge.Chains[i].RpcUrls.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
            {
                errors.Add($"MarginBridge:Chains:{i}:RpcUrls: a member needs at least two distinct RPC URLs, so that two endpoints can agree");
            }
        }

        return errors;
    }

    public string ReadKey() =>
        Environment.GetEnvironmentVariable("MB_SIGNER_KEY") is { Length: > 0 } key ? key : File.ReadAllText(KeyFile).Trim();
}
