using MarginBridge.Abstractions.Transfers;

namespace MarginBridge.Silo.Api;

/// <summary>
/// The arguments of <c>executeTransfer(route, batchNumber, transfer, proof)</c> on the destination
/// vault, with the root they prove against. Anyone may submit it once the root is accepted; the
/// replay bit makes a second execution revert, whoever sends it.
/// </summary>
public sealed record TransferProofResponse(
    string Id,
    TransferStage Stage,
    string DestinationVault,
    ProofRoute Route,
    ulong BatchNumber,
    int LeafIndex,
    ProofTransfer Transfer,
    IReadOnlyList<string> Proof,
    string Root,
    bool RootAccepted,
    bool Executed)
{
    public static TransferProofResponse From(TransferView view, TransferPlacement placement)
    {
        var m = view.Message;
        var reached = view.Steps.Select(s => s.Stage).ToHashSet();
        return new TransferProofResponse(
            m.Id,
            view.Stage,
            m.DstVault,
            new ProofRoute(m.SrcChainId, m.SrcVault, m.DstChainId, m.DstVault),
            placement.BatchNumber,
            placement.LeafIndex,
            new ProofTransfer(m.Nonce, 0, m.DestinationToken, m.Recipient, m.Amount.ToString()),
            placement.Proof,
            placement.Root,
            reached.Contains(TransferStage.RootAccepted),
            reached.Contains(TransferStage.Executed));
    }
}

public sealed record ProofRoute(long SrcChainId, string SrcContract, long DstChainId, string DstContract);

/// <param name="Amount">Base units as a decimal string.</param>
public sealed record ProofTransfer(ulong Nonce, ulong Expiry, string Token, string Recipient, string Amount);
