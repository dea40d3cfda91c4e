using MarginBridge.Abstractions.Accounts;
using MarginBridge.Abstractions.Transfers;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Finality;
using MarginBridge.Chains.Proofs;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Grains.Relaying;

/// <summary>Turns a <c>TransferInitiated</c> event into a transfer message, checking its leaf against the configured route.</summary>
internal static class OutboundTransfers
{
    public static (TransferMessage Message, string? Rejection) FromEvent(ChainOptions source, MarginBridgeOptions options, EventLog<TransferInitiatedEvent> log, BlockRef block)
    {
        var e = log.Event;
        var destination = options.FindChain((long)e.DstChainId);
        var message = new TransferMessage(
            e.Leaf.ToHex(prefix: true),
            source.ChainId,
            EvmAddress.Normalize(source.Vault),
            (long)e.DstChainId,
            destination is null ? string.Empty : EvmAddress.Normalize(destination.Vault),
            e.Nonce,
            EvmAddress.Normalize(e.Account),
            EvmAddress.Normalize(e.Token),
            EvmAddress.Normalize(e.DstToken),
            EvmAddress.Normalize(e.Recipient),
            e.Amount,
            block.Number,
            block.Hash,
            log.Log.TransactionHash,
            (long)log.Log.LogIndex.Value);
        if (destination is null)
        {
            return (message, $"destination chain {e.DstChainId} is not configured on this bridge");
        }

        var route = new RouteStruct { SrcChainId = (ulong)source.ChainId, SrcContract = source.Vault, DstChainId = e.DstChainId, DstContract = destination.Vault };
        var transfer = new TransferStruct { Nonce = e.Nonce, Token = e.DstToken, Recipient = e.Recipient, Amount = e.Amount };
        var leaf = MessageLeaf.Transfer(route, transfer).ToHex(prefix: true);
        return leaf == message.Id
            ? (message, null)
            : (message, $"the event's leaf {message.Id} does not match the configured route to chain {e.DstChainId} (expected {leaf}): the source vault's remote vault differs from the configuration");
    }
}
