using System.ComponentModel;
using Nethereum.Signer;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>A command that signs with the user's own key: from a file, or from MB_PRIVATE_KEY; never from the command line.</summary>
public class KeySettings : ApiSettings
{
    public const string KeyVariable = "MB_PRIVATE_KEY";

    [CommandOption("--key-file <FILE>")]
    [Description("File holding the account's private key (hex). Default: the MB_PRIVATE_KEY environment variable.")]
    public string? KeyFile { get; init; }

    public EthECKey ReadKey()
    {
        var text = KeyFile is not null
            ? File.Exists(KeyFile) ? File.ReadAllText(KeyFile).Trim() : throw new CliUsageException($"--key-file: '{KeyFile}' does not exist")
            : Environment.GetEnvironmentVariable(KeyVariable) ?? throw new CliUsageException($"no key: pass --key-file FILE or set {KeyVariable}");
        try
        {
            return new EthECKey(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliUsageException($"{(KeyFile is null ? KeyVariable : "--key-file")}: not a hex private key");
        }
    }
}
