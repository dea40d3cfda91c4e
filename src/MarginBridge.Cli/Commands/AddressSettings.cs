using System.ComponentModel;
using MarginBridge.Abstractions.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>A command about one account, named by its address.</summary>
public class AddressSettings : ApiSettings
{
    [CommandArgument(0, "<address>")]
    [Description("The account's 0x address.")]
    public string Address { get; init; } = string.Empty;

    public override ValidationResult Validate() => EvmAddress.TryNormalize(Address, out _)
        ? ValidationResult.Success()
        : ValidationResult.Error($"address: '{Address}' is not a 0x-prefixed 20-byte hex address");
}
