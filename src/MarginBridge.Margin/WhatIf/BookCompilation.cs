namespace MarginBridge.Margin.WhatIf;

/// <summary>The outcome of checking a what-if book: the compiled book, or every error naming its field.</summary>
public sealed record BookCompilation(CompiledBook? Book, IReadOnlyList<MarginError> Errors)
{
    public bool IsValid => Book is not null;
}
