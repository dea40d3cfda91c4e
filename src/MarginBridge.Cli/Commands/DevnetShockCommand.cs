using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MarginBridge.Cli.Api;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary><c>mb devnet shock ETH -30%</c>: moves an asset's price on the running devnet's feed at once, as a crash or a spike would.</summary>
public sealed class DevnetShockCommand : AsyncCommand<DevnetShockCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ASSET>")]
        [Description("An asset with a devnet price feed, e.g. ETH.")]
        public string Asset { get; init; } = string.Empty;

        [CommandArgument(1, "<MOVE>")]
        [Description("The move in percent: -30% or +15% (the sign is required).")]
        public string Move { get; init; } = string.Empty;

        [CommandOption("--data <DIR>")]
        [Description("The running devnet's data folder (where its devnet.json is). Default: .devnet in the repository.")]
        public string? Data { get; init; }

        public override ValidationResult Validate() => ShockMove.TryParse(Move, out _, out var error)
            ? ValidationResult.Success()
            : ValidationResult.Error($"<MOVE>: {error}");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!ShockMove.TryParse(settings.Move, out var percent, out var error))
        {
            throw new CliUsageException($"<MOVE>: {error}");
        }

        var priceFeed = ApiLocation.FromManifest(m => FindFeed(m, settings.Asset), settings.Data)
            ?? throw new CliUsageException($"<ASSET>: no running devnet has a price feed for '{settings.Asset}' (start one with 'mb devnet')");
        var before = await priceFeed.LatestAsync();
        var after = decimal.Round(before * (1 + (percent / 100m)), 8, MidpointRounding.ToZero);
        await priceFeed.SubmitAsync(after);
        AnsiConsole.MarkupLineInterpolated($"{settings.Asset}: {before.ToString(CultureInfo.InvariantCulture)} → [bold]{after.ToString(CultureInfo.InvariantCulture)}[/] USD ({settings.Move})");
        return 0;
    }

    /// <summary>The asset's feed in the devnet's manifest, written by the feeder's devnet test key; null when absent.</summary>
    private static DevnetPriceFeed? FindFeed(JsonElement manifest, string asset)
    {
        foreach (var feed in manifest.GetProperty("priceFeeds").EnumerateArray())
        {
            if (feed.GetProperty("asset").GetString() != asset)
            {
                continue;
            }

            var chainId = feed.GetProperty("chainId").GetInt64();
            var feeder = feed.GetProperty("feeder").GetString()!;
            var chain = manifest.GetProperty("chains").EnumerateArray().First(c => c.GetProperty("chainId").GetInt64() == chainId);
            var key = manifest.GetProperty("accounts").EnumerateArray().First(a => string.Equals(a.GetProperty("address").GetString(), feeder, StringComparison.OrdinalIgnoreCase));
            return new DevnetPriceFeed(asset, feed.GetProperty("address").GetString()!, chainId, chain.GetProperty("rpcUrl").GetString()!, new DevAccount(feeder, key.GetProperty("privateKey").GetString()!));
        }

        return null;
    }
}

/// <summary>A signed percentage such as -30% or +15%.</summary>
public static class ShockMove
{
    public static bool TryParse(string text, out decimal percent, out string? error)
    {
        percent = 0;
        var digits = text.EndsWith('%') ? text[..^1] : text;
        if (digits.Length < 2 || digits[0] is not ('+' or '-') || !decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percent))
        {
            error = $"'{text}' is not a signed percentage such as -30% or +15%";
            return false;
        }

        error = percent is <= -100 or > 1_000 ? $"'{text}' must be above -100% and at most +1000%" : null;
        return error is null;
    }
}
