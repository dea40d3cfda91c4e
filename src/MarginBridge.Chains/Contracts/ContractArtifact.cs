using System.Collections.Concurrent;
using System.Text.Json;

namespace MarginBridge.Chains.Contracts;

/// <summary>A contract compiled by <c>contracts/compile.mjs</c> (npm solc), embedded in this assembly.</summary>
public sealed record ContractArtifact(string Name, string Abi, string Bytecode, IReadOnlyDictionary<string, int> StorageSlots)
{
    private static readonly ConcurrentDictionary<string, ContractArtifact> Cache = new();

    public static ContractArtifact Load(string name) => Cache.GetOrAdd(name, Read);

    private static ContractArtifact Read(string name)
    {
        var resource = $"contracts/{name}.json";
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No compiled artifact '{resource}': build MarginBridge.Chains so that contracts/compile.mjs runs.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var slots = root.TryGetProperty("storageLayout", out var layout)
            ? layout.GetProperty("storage").EnumerateArray().ToDictionary(e => e.GetProperty("label").GetString()!, e => int.Parse(e.GetProperty("slot").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            : [];
        return new ContractArtifact(name, root.GetProperty("abi").GetRawText(), root.GetProperty("bytecode").GetString()!, slots);
    }
}
