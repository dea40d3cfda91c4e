namespace MarginBridge.Margin.Book;

/// <summary>
/// One token balance on one chain, already resolved from configuration: the library needs no symbol.
/// Its counted value is ⌊amount × price × (1 − haircut) × counted(layer, final)⌋ in quote units.
/// </summary>
/// <param name="Amount">Token base units (wei for an 18-decimal token).</param>
/// <param name="Price">USD per whole token × 1e8.</param>
/// <param name="Decimals">The token's decimals (0 to 36).</param>
/// <param name="HaircutBps">The token's haircut, basis points.</param>
/// <param name="Layer">The layer kind of the chain it sits on.</param>
/// <param name="IsFinal">Hard-final; a soft-final balance counts only the layer kind's pending share.</param>
public readonly record struct CollateralHolding(UInt128 Amount, long Price, byte Decimals, int HaircutBps, LayerKind Layer, bool IsFinal);
