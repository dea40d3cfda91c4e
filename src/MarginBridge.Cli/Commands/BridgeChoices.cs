using System.Globalization;
using System.Numerics;
using MarginBridge.Silo.Api;

namespace MarginBridge.Cli.Commands;

/// <summary>A chain and a token amount as the user names them on the command line, checked against the bridge.</summary>
public static class BridgeChoices
{
    public static BridgeChain Chain(BridgeResponse bridge, string nameOrId, string option) =>
        bridge.Chains.FirstOrDefault(c => string.Equals(c.Name, nameOrId, StringComparison.OrdinalIgnoreCase) || c.ChainId.ToString(CultureInfo.InvariantCulture) == nameOrId)
        ?? throw new CliUsageException($"{option}: '{nameOrId}' is not a chain of this bridge; chains: {string.Join(", ", bridge.Chains.Select(c => c.Name))}");

    /// <summary>The token (by asset or address) on <paramref name="chain"/> and the amount in its base units.</summary>
    public static (BridgeToken Token, BigInteger Amount) TokenAmount(BridgeChain chain, string token, string amount)
    {
        var listed = chain.Tokens.FirstOrDefault(t => string.Equals(t.Asset, token, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Address, token, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"--token: '{token}' is not listed on {chain.Name}; listed: {string.Join(", ", chain.Tokens.Select(t => t.Asset))}");
        try
        {
            return (listed, Views.TokenAmount.Parse(amount, listed.Decimals));
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--amount: {e.Message}");
        }
    }
}
