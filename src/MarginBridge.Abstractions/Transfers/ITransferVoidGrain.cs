namespace MarginBridge.Abstractions.Transfers;

/// <summary>
/// Voids one transfer (key: its id) whose message the source outbox holds but the destination has
/// not executed: the committee attests a <c>TransferVoid</c> on the destination's instruction route,
/// the destination vault marks the message executed without paying it and sends its amount back to
/// the sender as a transfer of its own, which the pipeline carries like any other.
/// </summary>
public interface ITransferVoidGrain : IGrainWithStringKey
{
    /// <summary>Starts voiding <paramref name="message"/>; a second call changes nothing (until a withdrawn cancellation gave the transfer back).</summary>
    Task Start(TransferMessage message, string operatorName);

    /// <summary>
    /// Operator: withdraw the cancellation of a transfer the void has not ended. No void is asked for
    /// any more; once the one attested so far can no longer execute (past its expiry in the
    /// destination's time; a void and the transfer's execution set the same replay bit, so never
    /// both happen) the transfer goes back to its route and is paid. If the void executes first, the
    /// transfer ends Voided all the same.
    /// </summary>
    Task<OperatorOutcome> Withdraw(string operatorName);
}
