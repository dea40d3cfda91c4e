namespace MarginBridge.Margin;

/// <summary>One refused input: which field or parameter (a path such as <c>options[2].volatility</c>) and the rule it broke.</summary>
public sealed record MarginError(string Field, string Rule)
{
    public override string ToString() => $"{Field}: {Rule}";
}
