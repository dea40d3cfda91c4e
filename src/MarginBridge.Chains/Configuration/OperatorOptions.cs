namespace MarginBridge.Chains.Configuration;

/// <summary>
/// An operator (<c>MarginBridge:Operators:n</c>). Only the SHA-256 of the token is configured, so a
/// configuration file never holds a usable credential; the operator keeps the token.
/// </summary>
public sealed class OperatorOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>64 hex digits: SHA-256 of the bearer token.</summary>
    public string TokenSha256 { get; set; } = string.Empty;
}
