namespace MarginBridge.Abstractions.Breakers;

/// <summary>
/// The outflow rate limit of one asset (key: the asset's symbol; DESIGN §4): transfers leaving a
/// vault and cleared withdrawals take from a token bucket; while it is below zero the asset's
/// breaker is open, which holds new moves and withdrawals in the asset (queued transfers wait, none is lost).
/// </summary>
public interface IOutflowMeterGrain : IGrainWithStringKey
{
    /// <summary>Counts an outflow of <paramref name="units"/> whole tokens; <paramref name="what"/> names it for the breaker's reason.</summary>
    Task Take(decimal units, string what);
}
