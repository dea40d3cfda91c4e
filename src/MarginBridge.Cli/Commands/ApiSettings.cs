using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

public class ApiSettings : CommandSettings
{
    [CommandOption("--api <URL>")]
    [Description("The silo's API. Default: $MB_API, else the running devnet's devnet.json.")]
    public string? Api { get; init; }
}
