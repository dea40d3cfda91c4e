using System.Numerics;
using System.Text.Json;

namespace MarginBridge.Cli.Signer;

/// <summary>
/// The clearances this member signed that may still be paid out: each counts against the account's
/// balance until the vault has used it or it expired, so the member never clears the same collateral
/// twice. Kept in a JSON file beside the member's key, rewritten atomically, so a restart forgets nothing.
/// </summary>
public sealed class ClearanceLedger
{
    private readonly string _path;
    private readonly List<SignedClearance> _entries;

    public ClearanceLedger(string path)
    {
        _path = path;
        _entries = File.Exists(path) ? JsonSerializer.Deserialize<List<SignedClearance>>(File.ReadAllText(path)) ?? [] : [];
    }

    public IReadOnlyList<SignedClearance> For(string account) => [.. _entries.Where(e => e.Account == account)];

    public void Add(SignedClearance clearance)
    {
        _entries.Add(clearance);
        Save();
    }

    public void Remove(IEnumerable<SignedClearance> settled)
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

/// <summary>One signed clearance: the amount is base units as a decimal string.</summary>
public sealed record SignedClearance(string Account, long ChainId, string Token, string Amount, ulong Nonce, ulong Expiry)
{
    public BigInteger Value => BigInteger.Parse(Amount, System.Globalization.CultureInfo.InvariantCulture);
}
