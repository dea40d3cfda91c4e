using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.Util;

namespace MarginBridge.Chains.Contracts;

/// <summary>
/// Names the custom error in a node's revert answer from the contracts' ABIs, e.g.
/// <c>InsufficientLiquidity(0x5fbd…, 100, 250)</c>, so that a refusal reads as the contract meant it.
/// </summary>
public static class RevertReasons
{
    private static readonly Lazy<Dictionary<string, (string Name, string[] Types)>> Errors = new(Load);

    /// <summary>Null when the exception is not a revert with data.</summary>
    public static string? Describe(RpcResponseException exception)
    {
        var data = exception.RpcError?.Data?.ToString()?.Trim('"');
        if (data is null || !data.StartsWith("0x", StringComparison.Ordinal) || data.Length < 10)
        {
            return exception.RpcError?.Message is { } message && message.Contains("revert", StringComparison.OrdinalIgnoreCase) ? message : null;
        }

        return Describe(data.HexToByteArray());
    }

    /// <summary>A revert that Nethereum already recognised as a custom error (from an estimate or a call).</summary>
    public static string Describe(Nethereum.Contracts.SmartContractCustomErrorRevertException exception) =>
        Describe(exception.ExceptionEncodedData.HexToByteArray());

    public static string Describe(byte[] data)
    {
        if (data.Length < 4)
        {
            return "reverted without a reason";
        }

        var selector = data[..4].ToHex(prefix: true);
        if (!Errors.Value.TryGetValue(selector, out var error))
        {
            return $"reverted with unknown error {selector}";
        }

        var words = Enumerable.Range(0, (data.Length - 4) / 32).Select(i => data.AsSpan(4 + (32 * i), 32).ToArray()).ToList();
        var args = error.Types.Zip(words, (type, word) => type == "address" ? word[12..].ToHex(prefix: true)
            : type.StartsWith("bytes", StringComparison.Ordinal) ? word.ToHex(prefix: true)
            : type == "bool" ? (word[31] != 0).ToString()
            : new BigInteger(word, isUnsigned: true, isBigEndian: true).ToString());
        return $"{error.Name}({string.Join(", ", args)})";
    }

    /// <summary>The error's name alone, e.g. <c>AlreadyExecuted</c>.</summary>
    public static string NameOf(string description) => description.Split('(')[0];

    private static Dictionary<string, (string Name, string[] Types)> Load()
    {
        var errors = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        foreach (var contract in new[] { "MarginVault", "ReferenceVenue" })
        {
            using var abi = JsonDocument.Parse(ContractArtifact.Load(contract).Abi);
            foreach (var entry in abi.RootElement.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "error"))
            {
                var name = entry.GetProperty("name").GetString()!;
                var types = entry.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("type").GetString()!).ToArray();
                var selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"{name}({string.Join(',', types)})"))[..4].ToHex(prefix: true);
                errors[selector] = (name, types);
            }
        }

        return errors;
    }
}
