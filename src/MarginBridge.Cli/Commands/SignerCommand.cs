using System.ComponentModel;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Liquidations;
using MarginBridge.Chains.Withdrawals;
using MarginBridge.Margin.Parameters;
using MarginBridge.Margin.Portfolio;
using MarginBridge.Chains.Configuration;
using MarginBridge.Cli.Signer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nethereum.Signer;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarginBridge.Cli.Commands;

/// <summary>
/// <c>mb signer</c>: one committee member as its own process, with its own key and endpoints.
/// The silo asks it to attest batches; it signs only what it verified on the source chain itself.
/// On optimistic routes it proposes the roots it verified from its own key, and it watches every
/// proposed root on the chains it watches and challenges one it cannot prove.
/// </summary>
public sealed class SignerCommand : AsyncCommand<SignerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--config <FILE>")]
        [Description("JSON with a Signer section (KeyFile, HttpUrl) and a MarginBridge:Chains section (at least two RPC URLs per chain).")]
        public string Config { get; init; } = string.Empty;

        public override ValidationResult Validate() => File.Exists(Config)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--config: '{Config}' does not exist");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settings.Config)).AddEnvironmentVariables().Build();
        var signer = configuration.GetSection("Signer").Get<SignerOptions>() ?? new SignerOptions();
        var bridge = configuration.GetSection(MarginBridgeOptions.Section).Get<MarginBridgeOptions>() ?? new MarginBridgeOptions();
        var errors = signer.Validate(bridge);
        if (errors.Count > 0)
        {
            throw new CliUsageException(string.Join(Environment.NewLine, errors));
        }

        var margin = configuration.GetSection(MarginParameters.Section).Get<MarginParameters>() ?? new MarginParameters();
        if (margin.Validate() is { Count: > 0 } marginErrors)
        {
            throw new CliUsageException(string.Join(Environment.NewLine, marginErrors));
        }

        var key = new EthECKey(signer.ReadKey());
        var attestor = new BatchAttestor(key, bridge.Chains);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(signer.HttpUrl);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(services => new ProposalWatcher(key, bridge.Chains, attestor, services.GetRequiredService<ILogger<ProposalWatcher>>()));
        builder.Services.AddHostedService<ProposalWatchService>();
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Ok(new { attestor.Member, Chains = bridge.Chains.Select(c => c.ChainId) }));
        app.MapPost("/attestations", async Task<Results<Ok<AttestationResponse>, UnprocessableEntity<AttestationResponse>, ValidationProblem>> (AttestationBody body, CancellationToken token) =>
        {
            var (request, field, error) = body.Parse();
            if (request is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] });
            }

            var attestation = await attestor.AttestAsync(request, token);
            var response = AttestationResponse.From(attestation);
            return attestation.IsSigned ? TypedResults.Ok(response) : TypedResults.UnprocessableEntity(response);
        });
        using var proposer = new RootProposer(key, bridge.Chains, attestor);
        app.MapPost("/proposals", async Task<Results<Ok<Proposal>, UnprocessableEntity<Proposal>, ValidationProblem>> (AttestationBody body, CancellationToken token) =>
        {
            var (request, field, error) = body.Parse();
            if (request is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] });
            }

            var proposal = await proposer.ProposeAsync(request, token);
            return proposal.IsSent ? TypedResults.Ok(proposal) : TypedResults.UnprocessableEntity(proposal);
        });
        var ledgerFile = signer.ClearanceLedgerFile is { Length: > 0 } file ? file : Path.GetFullPath(settings.Config) + ".clearances.json";
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole());
        var readers = Enumerable.Range(0, 2).Select(i => new AccountSnapshotReader(
            bridge, i, TimeProvider.System, loggers.CreateLogger<AccountSnapshotReader>(), Path.GetFullPath(settings.Config) + $".positions-{i}")).ToList();
        using var clearances = new ClearanceSigner(key, bridge, new MarginModel(margin), new SignedLedger<SignedClearance>(ledgerFile), readers);
        app.MapPost("/clearances", (ClearanceBody body, CancellationToken token) => AnswerAsync(() => clearances.DecideAsync(body, token)));
        var liquidations = new LiquidationSigner(key, bridge, new MarginModel(margin), readers);
        app.MapPost("/liquidations", (LiquidationBody body, CancellationToken token) => AnswerAsync(() => liquidations.DecideAsync(body, token)));
        app.MapPost("/deleverages", (DeleverageBody body, CancellationToken token) => AnswerAsync(() => liquidations.DecideAsync(body, token)));
        using var sweeps = new FeeSweepSigner(key, bridge, new SignedLedger<SignedFeeSweep>(Path.GetFullPath(settings.Config) + ".sweeps.json"), readers);
        app.MapPost("/sweeps", (FeeSweepBody body, CancellationToken token) => AnswerAsync(() => sweeps.DecideAsync(body, token)));
        var voids = new TransferVoidSigner(key, bridge, readers);
        app.MapPost("/voids", (TransferVoidBody body, CancellationToken token) => AnswerAsync(() => voids.DecideAsync(body, token)));
        // A member that cannot decide (its endpoints of a chain all failing) refuses and says why, instead of failing the request.
        async Task<Results<Ok<MemberDecision>, UnprocessableEntity<MemberDecision>>> AnswerAsync(Func<Task<MemberDecision>> decide)
        {
            MemberDecision answer;
            try
            {
                answer = await decide();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                answer = MemberDecision.Refused(attestor.Member, $"cannot decide now: {e.GetType().Name}: {e.Message}");
            }

            return answer.IsSigned ? TypedResults.Ok(answer) : TypedResults.UnprocessableEntity(answer);
        }

        AnsiConsole.MarkupLineInterpolated($"committee member [bold]{attestor.Member}[/] listening on {signer.HttpUrl}");
        await app.RunAsync();
        return 0;
    }
}
