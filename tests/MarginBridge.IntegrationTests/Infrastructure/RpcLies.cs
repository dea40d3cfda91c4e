using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.IntegrationTests.Infrastructure;

/// <summary>What a lying RPC endpoint answers, for <see cref="FaultProxy.Lie"/>.</summary>
public static class RpcLies
{
    private static readonly string TransferInitiatedTopic = Event<TransferInitiatedEvent>.GetEventABI().Sha3Signature.EnsureHexPrefix();

    /// <summary>Every block has another hash and state root than the chain's.</summary>
    public static JsonNode WrongBlockHashes(string method, JsonNode result)
    {
        if (method.StartsWith("eth_getBlockBy", StringComparison.Ordinal) && result is JsonObject block)
        {
            block["hash"] = Flip(block["hash"]!.GetValue<string>());
            block["stateRoot"] = Flip(block["stateRoot"]!.GetValue<string>());
        }

        return result;
    }

    /// <summary>
    /// Next to every real <c>TransferInitiated</c> log, a made-up one: one base unit more, with a
    /// leaf recomputed for its route, so it passes every check a relayer can make on the log alone.
    /// </summary>
    public static Func<string, JsonNode, JsonNode> MadeUpTransfers(DevnetChain source, IReadOnlyList<DevnetChain> chains) => (method, result) =>
    {
        if (method != "eth_getLogs" || result is not JsonArray logs)
        {
            return result;
        }

        foreach (var log in logs.OfType<JsonObject>().Where(IsTransferInitiated).ToList())
        {
            var fake = (JsonObject)log.DeepClone();
            var topics = fake["topics"]!.AsArray();
            var data = fake["data"]!.GetValue<string>()[2..];
            string Word(int i) => data.Substring(64 * i, 64);
            var destination = chains.Single(c => c.Options.ChainId == (long)Unsigned(topics[2]!.GetValue<string>()[2..]));
            var amount = Unsigned(Word(4)) + 1;
            var route = new RouteStruct { SrcChainId = (ulong)source.Options.ChainId, SrcContract = source.Contracts.Vault, DstChainId = (ulong)destination.Options.ChainId, DstContract = destination.Contracts.Vault };
            var message = new TransferStruct { Nonce = (ulong)Unsigned(topics[3]!.GetValue<string>()[2..]), Expiry = 0, Token = "0x" + Word(2)[24..], Recipient = "0x" + Word(3)[24..], Amount = amount };
            topics[1] = MessageLeaf.Transfer(route, message).ToHex(prefix: true);
            fake["data"] = "0x" + data[..(64 * 4)] + amount.ToString("x64", CultureInfo.InvariantCulture);
            fake["logIndex"] = $"0x{Unsigned(log["logIndex"]!.GetValue<string>()[2..]) + 64:x}";
            logs.Add(fake);
        }

        return result;
    };

    private static bool IsTransferInitiated(JsonObject log) =>
        string.Equals(log["topics"]?.AsArray().FirstOrDefault()?.GetValue<string>(), TransferInitiatedTopic, StringComparison.OrdinalIgnoreCase);

    private static BigInteger Unsigned(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Flip(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
