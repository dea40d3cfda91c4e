namespace MarginBridge.Margin.Pricing;

/// <summary>
/// An option's value and Greeks per unit of underlying, in USD: delta per unit of spot (or forward),
/// gamma per USD of spot squared, vega per 1.00 of volatility (100 vol points), theta per year of
/// calendar time (negative when value decays).
/// </summary>
public readonly record struct OptionValuation(double Price, double Delta, double Gamma, double Vega, double Theta);
