using System.ComponentModel;
using MarginBridge.Cli.Api;
using MarginBridge.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary><c>mb margin simulate book.json [--grid]</c>: the silo's margin of a what-if book; nothing is stored.</summary>
public sealed class MarginSimulateCommand : AsyncCommand<MarginSimulateCommand.Settings>
{
    public sealed class Settings : ApiSettings
    {
        [CommandArgument(0, "<BOOK>")]
        [Description("JSON file: nowUnixSeconds, markets, tokens, collateral, perps, options (see docs/margin.md).")]
        public string Book { get; init; } = string.Empty;

        [CommandOption("--grid")]
        [Description("Also draw each option underlying's scenario grid of P&L.")]
        public bool Grid { get; init; }

        public override ValidationResult Validate() => File.Exists(Book)
            ? ValidationResult.Success()
            : ValidationResult.Error($"<BOOK>: '{Book}' does not exist");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var api = new BridgeApiClient(ApiLocation.Resolve(settings.Api));
        var margin = await api.SimulateAsync(await File.ReadAllTextAsync(settings.Book, cancellationToken), cancellationToken);
        AnsiConsole.Write(MarginView.Render(margin, settings.Grid));
        return 0;
    }
}
