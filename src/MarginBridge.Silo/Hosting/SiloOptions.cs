namespace MarginBridge.Silo.Hosting;

/// <summary>How this silo process joins its cluster and serves HTTP (<c>Silo</c> section).</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    public string ClusterId { get; set; } = "marginbridge";

    public string ServiceId { get; set; } = "marginbridge";

    /// <summary>Silo-to-silo port; 0 is refused (every silo needs a known port).</summary>
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>REST API, OpenAPI document and dashboard; loopback unless configured otherwise.</summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Folder of the rolling JSON log; empty for console only.</summary>
    public string LogDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Azure Storage connection string for clustering, grain state and reminders. A secret: give it
    /// through the environment (<c>Silo__StorageConnectionString</c>) in production, never in a committed file.
    /// </summary>
    public string StorageConnectionString { get; set; } = string.Empty;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Fail(string key, string rule) => errors.Add($"{Section}:{key}: {rule}");
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            Fail(nameof(ClusterId), "is required");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            Fail(nameof(ServiceId), "is required");
        }

        if (SiloPort is < 1 or > 65535)
        {
            Fail(nameof(SiloPort), "must be a port between 1 and 65535");
        }

        if (GatewayPort is < 1 or > 65535)
        {
            Fail(nameof(GatewayPort), "must be a port between 1 and 65535");
        }

        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            Fail(nameof(AdvertisedAddress), "must be an IP address");
        }

        if (!Uri.TryCreate(HttpUrl, UriKind.Absolute, out var http) || http.Scheme is not ("http" or "https"))
        {
            Fail(nameof(HttpUrl), "must be an absolute http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            Fail(nameof(StorageConnectionString), "is required (set it through the environment: Silo__StorageConnectionString)");
        }

        return errors;
    }
}
