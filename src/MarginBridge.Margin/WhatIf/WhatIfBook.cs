using System.Numerics;
using MarginBridge.Margin.Book;

namespace MarginBridge.Margin.WhatIf;

/// <summary>
/// A hypothetical account as a trader writes it (POST /margin/simulate, <c>mb margin simulate book.json</c>):
/// symbols and decimal amounts. <see cref="BookCompiler"/> checks it and turns it into fixed-point spans.
/// </summary>
public sealed record WhatIfBook
{
    /// <summary>The evaluation time; option expiries must be after it.</summary>
    public long NowUnixSeconds { get; init; }

    public IReadOnlyList<WhatIfMarket> Markets { get; init; } = [];

    public IReadOnlyList<WhatIfToken> Tokens { get; init; } = [];

    public IReadOnlyList<WhatIfCollateral> Collateral { get; init; } = [];

    public IReadOnlyList<WhatIfPerp> Perps { get; init; } = [];

    public IReadOnlyList<WhatIfOption> Options { get; init; } = [];
}

/// <summary>An underlying's market: price in USD, open interest in whole units (at most 8 decimals each).</summary>
public sealed record WhatIfMarket
{
    public string Underlying { get; init; } = string.Empty;

    public decimal Price { get; init; }

    public decimal OpenInterest { get; init; }

    public double Rate { get; init; }
}

/// <summary>A collateral token's decimals and USD price.</summary>
public sealed record WhatIfToken
{
    public string Symbol { get; init; } = string.Empty;

    public int Decimals { get; init; }

    public decimal Price { get; init; }
}

/// <summary>A balance in token base units on one chain.</summary>
public sealed record WhatIfCollateral
{
    public string Chain { get; init; } = string.Empty;

    public LayerKind Layer { get; init; }

    public string Token { get; init; } = string.Empty;

    public BigInteger Amount { get; init; }

    /// <summary>False for a deposit seen only at soft finality.</summary>
    public bool Final { get; init; } = true;
}

/// <summary>A perpetual: signed quantity in whole units, entry price in USD.</summary>
public sealed record WhatIfPerp
{
    public string Underlying { get; init; } = string.Empty;

    public string Venue { get; init; } = string.Empty;

    public decimal Quantity { get; init; }

    public decimal EntryPrice { get; init; }
}

/// <summary>A European option: signed quantity in whole units of the underlying, strike in USD, annualized vol.</summary>
public sealed record WhatIfOption
{
    public string Underlying { get; init; } = string.Empty;

    public string Venue { get; init; } = string.Empty;

    public OptionKind Kind { get; init; }

    public decimal Quantity { get; init; }

    public decimal Strike { get; init; }

    public long ExpiryUnixSeconds { get; init; }

    public double Volatility { get; init; }
}
