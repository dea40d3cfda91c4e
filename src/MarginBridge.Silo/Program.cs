using System.Text.Json.Serialization;
using MarginBridge.Chains.Serialization;
using MarginBridge.Chains.Configuration;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Silo.Api;
using MarginBridge.Silo.Hosting;
using Orleans.Dashboard;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    if (builder.Configuration["config"] is { Length: > 0 } configFile)
    {
        builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        builder.Configuration.AddEnvironmentVariables();
    }

    var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
    var bridge = builder.Configuration.GetSection(MarginBridgeOptions.Section).Get<MarginBridgeOptions>() ?? new MarginBridgeOptions();
    var margin = builder.Configuration.GetSection(MarginParameters.Section).Get<MarginParameters>() ?? new MarginParameters();
    var errors = silo.Validate()
        .Concat(MarginBridgeOptionsValidator.Validate(bridge))
        .Concat(MarginBridgeOptionsValidator.ValidatePipeline(bridge))
        .Concat(MarginBridgeOptionsValidator.ValidateBreakersAndPrices(bridge))
        .Concat(margin.Validate().Select(e => e.ToString()))
        .Concat(bridge.Markets.Select((m, i) => (m, i)).Where(x => !margin.Underlyings.ContainsKey(x.m.Underlying))
            .Select(x => $"{MarginBridgeOptions.Section}:Markets:{x.i}:Underlying: '{x.m.Underlying}' is not one of {MarginParameters.Section}:Underlyings"))
        .ToList();
    if (errors.Count > 0)
    {
        foreach (var error in errors)
        {
            Log.Fatal("Configuration error: {ConfigurationError}", error);
        }

        return 2;
    }

    builder.Services.AddSerilog((_, logger) => SiloLogging.Configure(logger, silo.LogDirectory, $"silo-{silo.SiloPort}"));
    builder.WebHost.UseUrls(silo.HttpUrl);
    builder.Services.Configure<MarginBridgeOptions>(builder.Configuration.GetSection(MarginBridgeOptions.Section));
    builder.Services.AddSingleton(new MarginModel(margin));
    builder.Services.ConfigureHttpJsonOptions(o =>
    {
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        o.SerializerOptions.Converters.Add(new BigIntegerJsonConverter());
    });
    builder.Services.AddProblemDetails();
    builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
    builder.Services.AddOpenApi();
    builder.AddMarginBridgeSilo(silo);

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.MapOpenApi();
    app.MapAccountEndpoints();
    app.MapChainEndpoints();
    app.MapTransferEndpoints();
    app.MapBridgeEndpoints();
    app.MapMoveEndpoints();
    app.MapWithdrawalEndpoints();
    app.MapOperatorEndpoints();
    app.MapMarginEndpoints();
    app.MapPriceEndpoints();
    app.MapBreakerEndpoints();
    app.MapOrleansDashboard(routePrefix: "dashboard");
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "The silo stopped on an unhandled error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
