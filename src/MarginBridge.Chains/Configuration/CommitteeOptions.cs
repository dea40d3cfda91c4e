namespace MarginBridge.Chains.Configuration;

/// <summary>
/// The relayer committee as the silo knows it (<c>MarginBridge:Committee</c>): each member's address
/// and the URL of its own <c>mb signer</c> process. The silo holds no member key.
/// </summary>
public sealed class CommitteeOptions
{
    /// <summary>Signatures a root needs; must equal the inboxes' threshold.</summary>
    public int Threshold { get; set; }

    public List<CommitteeMemberOptions> Members { get; set; } = [];
}

public sealed class CommitteeMemberOptions
{
    public string Address { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;
}
