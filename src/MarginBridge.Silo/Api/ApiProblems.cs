using MarginBridge.Abstractions.Accounts;
using MarginBridge.Chains.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MarginBridge.Silo.Api;

/// <summary>Input checks shared by the endpoints; each failure names the field in a 400 problem-details body.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: $"Invalid {field}");

    public static bool TryAddress(string text, string field, out string address, out ValidationProblem? problem)
    {
        problem = EvmAddress.TryNormalize(text, out address) ? null : Invalid(field, $"'{text}' is not a 0x-prefixed 20-byte hex address.");
        return problem is null;
    }

    public static bool TryChain(string? text, MarginBridgeOptions options, string field, out ChainOptions? chain, out ValidationProblem? problem)
    {
        chain = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (!long.TryParse(text, out var chainId))
        {
            problem = Invalid(field, $"'{text}' is not a chain id (a positive integer).");
        }
        else if ((chain = options.FindChain(chainId)) is null)
        {
            problem = Invalid(field, $"chain {chainId} is not configured; known chains: {string.Join(", ", options.Chains.Select(c => c.ChainId))}.");
        }

        return problem is null;
    }
}
