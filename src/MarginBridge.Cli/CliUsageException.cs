namespace MarginBridge.Cli;

/// <summary>The user asked for something the CLI cannot do; the message says what was wrong.</summary>
public sealed class CliUsageException(string message) : Exception(message);
