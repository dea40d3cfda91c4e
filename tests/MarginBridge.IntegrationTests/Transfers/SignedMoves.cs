using MarginBridge.Cli.Moves;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Processes;
using MarginBridge.Silo.Api;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Transfers;

/// <summary>Move requests as a wallet would sign them, for a devnet account.</summary>
internal static class SignedMoves
{
    public static MoveRequestBody Create(DevAccount signer, DevnetChain source, DevnetChain destination, long amount, ulong nonce, ulong deadline) =>
        MoveRequests.Sign(new EthECKey(signer.PrivateKey), source.Options.ChainId, source.Contracts.Vault, destination.Options.ChainId, source.Contracts.Token, amount, signer.Address, nonce, deadline);

    /// <summary>An hour from now: far enough for chains whose clocks tests move forward.</summary>
    public static ulong Deadline => (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
}
