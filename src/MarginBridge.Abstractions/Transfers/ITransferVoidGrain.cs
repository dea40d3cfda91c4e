namespace MarginBridge.Abstractions.Transfers;

/// <summary>
/// Voids one transfer (key: its id) whose message the source outbox holds but the destination has
/// not executed: the committee attests a <c>TransferVoid</c> on the destination's instruction route,
/// the destination vault marks the message executed without paying it and sends its amount back to
/// the sender as a transfer of its own, which the pipeline carries like any other.
/// </summary>
public interface ITransferVoidGrain : IGrainWithStringKey
{
    /// <summary>Starts voiding <paramref name="message"/>; a second call changes nothing.</summary>
    Task Start(TransferMessage message, string operatorName);
}
