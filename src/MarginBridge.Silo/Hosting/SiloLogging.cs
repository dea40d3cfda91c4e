using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MarginBridge.Silo.Hosting;

public static class SiloLogging
{
    /// <summary>Structured console output plus, when a folder is configured, a rolling compact-JSON file.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, string logDirectory, string siloName)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            // A member that does not answer is reported, in words, on the batch that waits for it.
            .MinimumLevel.Override("System.Net.Http.HttpClient.CommitteeClient", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Silo", siloName)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        if (!string.IsNullOrWhiteSpace(logDirectory))
        {
            logger.WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(logDirectory, $"{siloName}-.json"),
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 64 * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 14);
        }

        return logger;
    }
}
