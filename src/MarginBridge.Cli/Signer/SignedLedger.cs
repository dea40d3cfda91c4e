using System.Text.Json;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// What this member signed that may still be used on chain (clearances that may still be paid out,
/// fee sweeps that may still execute): the member checks a new request against it, so it never signs
/// the same collateral away twice. Kept in a JSON file beside the member's key, rewritten atomically,
/// so a restart forgets nothing.
/// </summary>
public sealed class SignedLedger<T>
{
    private readonly string _path;
    private readonly List<T> _entries;

    public SignedLedger(string path)
    {
        _path = path;
        _entries = File.Exists(path) ? JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path)) ?? [] : [];
    }

    public IReadOnlyList<T> Where(Func<T, bool> predicate) => [.. _entries.Where(predicate)];

    public void Add(T entry)
    {
        _entries.Add(entry);
        Save();
    }

    public void Remove(IEnumerable<T> settled)
    {
        var gone = settled.ToList();
        if (gone.Count > 0)
        {
            _entries.RemoveAll(gone.Contains);
            Save();
        }
    }

    private void Save()
    {
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_entries));
        File.Move(temporary, _path, overwrite: true);
    }
}
