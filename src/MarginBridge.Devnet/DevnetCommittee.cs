using MarginBridge.Chains.Proofs;

namespace MarginBridge.Devnet;

/// <summary>
/// The devnet's relayer committee: fresh keys every run, written only into the devnet's data
/// folder (one file per member, readable by the owner only), never into the repository.
/// </summary>
public sealed class DevnetCommittee
{
    private DevnetCommittee(IReadOnlyList<string> members, byte threshold, IReadOnlyList<string> keyFiles)
    {
        Members = members;
        Threshold = threshold;
        KeyFiles = keyFiles;
    }

    /// <summary>Member addresses, ascending.</summary>
    public IReadOnlyList<string> Members { get; }

    public byte Threshold { get; }

    public IReadOnlyList<string> KeyFiles { get; }

    public static async Task<DevnetCommittee> CreateAsync(string dataDirectory, DevnetProfile.CommitteeSection section)
    {
        if (section.Threshold < 1 || section.Threshold > section.Members)
        {
            throw new InvalidOperationException($"Devnet:Committee: threshold {section.Threshold} must be between 1 and the {section.Members} members");
        }

        var directory = Directory.CreateDirectory(Path.Combine(dataDirectory, "committee")).FullName;
        var keys = CommitteeKeys.Generate(section.Members);
        var files = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var file = Path.Combine(directory, $"member-{i + 1}.key");
            await SecretFiles.WriteAsync(file, keys[i].GetPrivateKey());

            files.Add(file);
        }

        return new DevnetCommittee([.. keys.Select(k => k.GetPublicAddress())], section.Threshold, files);
    }
}
