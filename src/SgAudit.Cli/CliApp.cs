using System.Collections.Immutable;
using System.CommandLine;
using SgAudit.Aws;
using SgAudit.Cli.Commands;
using SgAudit.Cli.Configuration;
using SgAudit.Cli.Sources;
using SgAudit.Core;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Reporting;
using Spectre.Console;

namespace SgAudit.Cli;

/// <summary>
/// The command line: parses, runs a command, and turns every expected failure into a one-line message and an exit
/// code (2 for usage and input errors). Tests run it in process with their own writers.
/// </summary>
public sealed class CliApp(TextWriter output, TextWriter error, TimeProvider time)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = BuildCommands(out var bindScan, out var bindCollect, out var bindRules, out var bindServe, out var bindDiff, out var bindCompliance);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"sgaudit: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'sgaudit --help' for usage.");
            return ExitCodes.InputError;
        }

        var console = CreateConsole(output);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Action is not null)
        {
            // --help or --version on any command: print it, never run the command ("scan --help" used to scan).
            return await parse.InvokeAsync(invocation, cancellationToken);
        }

        try
        {
            if (parse.CommandResult.Command.Name == "scan")
            {
                return await new ScanCommand(console, error, time).RunAsync(bindScan(parse), cancellationToken);
            }

            if (parse.CommandResult.Command.Name == "collect")
            {
                var (source, outPath, allowPartial, configPath, attribution) = bindCollect(parse);
                return await new CollectCommand(console, error, time).RunAsync(source, outPath, allowPartial, configPath, attribution, cancellationToken);
            }

            if (parse.CommandResult.Command.Name == "serve")
            {
                var serve = bindServe(parse);
                return await new EmulatorServeCommand(output).RunAsync(serve.Model, serve.Port, serve.ThrottleRate, serve.LatencyMs, serve.FailRegions, cancellationToken);
            }

            if (parse.CommandResult.Command.Name == "rules")
            {
                var (rulesFormatValue, rulesConfig) = bindRules(parse);
                return await RunRulesAsync(rulesFormatValue, rulesConfig, console);
            }

            if (parse.CommandResult.Command.Name == "diff")
            {
                var (baseline, current, diffFormat, diffFailOn) = bindDiff(parse);
                return await new DiffCommand(console, output).RunAsync(baseline, current, diffFormat, diffFailOn);
            }

            if (parse.CommandResult.Command.Name == "compliance")
            {
                return await new ComplianceCommand(console, output, error, time).RunAsync(bindCompliance(parse), cancellationToken);
            }

            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (InputException ex)
        {
            await error.WriteLineAsync($"sgaudit: error: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch (ReportException ex)
        {
            await error.WriteLineAsync($"sgaudit: error: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch (AwsSetupException ex)
        {
            await error.WriteLineAsync($"sgaudit: error: AWS: {ex.Message} Nothing was scanned and no report was written.");
            return ExitCodes.NotAssessed;
        }
        catch (CatalogException ex)
        {
            await error.WriteLineAsync($"sgaudit: error: rules catalogue: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("sgaudit: cancelled; no reports were written.");
            return 130;
        }
    }

    private async Task<int> RunRulesAsync(string format, string? configPath, IAnsiConsole console)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        var config = configPath is null ? ScanConfigLoader.Defaults(catalog) : ScanConfigLoader.Load(configPath, catalog);
        switch (format)
        {
            case "markdown":
                await output.WriteAsync(RulesCatalogWriter.ToMarkdown(config));
                break;
            case "json":
                await output.WriteAsync(RulesCatalogWriter.ToJson(config));
                break;
            default:
                RulesCatalogWriter.WriteTable(config, console);
                break;
        }

        return ExitCodes.Success;
    }

    private static RootCommand BuildCommands(
        out Func<ParseResult, ScanCommandOptions> bindScan,
        out Func<ParseResult, (SourceOptions Source, string Out, bool AllowPartial, string? Config, bool Attribution)> bindCollect,
        out Func<ParseResult, (string Format, string? Config)> bindRules,
        out Func<ParseResult, (string? Model, int Port, double ThrottleRate, int LatencyMs, ImmutableArray<string> FailRegions)> bindServe,
        out Func<ParseResult, (string Baseline, string Current, string Format, Severity? FailOn)> bindDiff,
        out Func<ParseResult, ComplianceCommandOptions> bindCompliance)
    {
        var scanSource = new SourceOptionSet();
        var config = new Option<string?>("--config") { Description = "sgaudit.yaml: rule parameters, variants, disabled rules, failOn (docs/config.md)." };
        var format = new Option<string>("--format")
        {
            Description = $"Reports to write, comma-separated: {string.Join(",", ReportWriterFactory.SupportedFormats)} (junit: report.junit.xml for CI test views).",
            DefaultValueFactory = _ => string.Join(",", ScanCommandOptions.DefaultFormats),
        };
        format.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? "";
            var unknown = SplitFormats(value).Where(f => !ReportWriterFactory.IsSupported(f)).ToList();
            if (unknown.Count > 0 || SplitFormats(value).IsEmpty)
            {
                result.AddError($"--format: '{string.Join(",", unknown)}' is not one of {string.Join(", ", ReportWriterFactory.SupportedFormats)}.");
            }
        });
        var outDir = new Option<string>("--out") { Description = "Folder for the reports.", DefaultValueFactory = _ => "sgaudit-report" };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding is at or above this severity: critical, high (default), medium, low or none." };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "none");
        var templates = new Option<string?>("--templates") { Description = "A folder of report templates overriding the built-in ones (reports-templates/ layout)." };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Do not exit 3 when part of the scope could not be assessed (it is still reported)." };

        var noAttribution = new Option<bool>("--no-attribution") { Description = "Do not look up in CloudTrail who last changed each failing security group." };
        var baseline = new Option<string?>("--baseline") { Description = "A previous scan's report.json: its findings are marked unchanged and only new ones count for --fail-on; the fixed ones are listed." };

        var scan = new Command("scan", "Scan security groups and network ACLs and write reports.") { config, format, outDir, failOn, templates, allowPartial, noAttribution, baseline };
        scanSource.AddTo(scan);

        var collectSource = new SourceOptionSet();
        var snapshotPath = new Option<string>("--out") { Description = "The model file to write: YAML, or JSON when it ends in .json.", Required = true };
        var collectAllowPartial = new Option<bool>("--allow-partial") { Description = "Exit 0 even when part of the scope could not be read (it is written with its error)." };
        var collectConfig = new Option<string?>("--config") { Description = "sgaudit.yaml: the rules whose failing groups' CloudTrail history is recorded (as a scan with it would look them up)." };
        var collectNoAttribution = new Option<bool>("--no-attribution") { Description = "Do not record the failing groups' CloudTrail history." };
        var collect = new Command("collect", "Read the source and write it as a model file that `scan --model` replays.") { snapshotPath, collectAllowPartial, collectConfig, collectNoAttribution };
        collectSource.AddTo(collect);

        var rulesFormat = new Option<string>("--format") { Description = "table, markdown or json.", DefaultValueFactory = _ => "table" };
        rulesFormat.AcceptOnlyFromAmong("table", "markdown", "json");
        var rulesConfig = new Option<string?>("--config") { Description = "sgaudit.yaml: list the rules a scan with it runs (custom rules, severity overrides, disabled rules)." };
        var rules = new Command("rules", "List the rules and their compliance mappings.") { rulesFormat, rulesConfig };
        var serveModel = new Option<string?>("--model") { Description = "The model to serve (YAML, JSON or a folder of AWS CLI exports). Default: the embedded demo account." };
        var port = new Option<int>("--port") { Description = "The loopback port (0: any free port; the endpoint is printed).", DefaultValueFactory = _ => 0 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port: give a port from 0 to 65535.");
            }
        });
        var throttleRate = new Option<double>("--throttle-rate") { Description = "Answer this share of EC2 and CloudTrail requests (0-1) with a throttling error, to rehearse retries." };
        var latency = new Option<int>("--latency-ms") { Description = "Delay every answer by this many milliseconds." };
        var failRegion = new Option<string[]>("--fail-region") { Description = "REGION=CODE: answer every call in REGION with this EC2 error (repeatable).", AllowMultipleArgumentsPerToken = false };
        var serveCommand = new Command("serve", "Serve the embedded emulator on 127.0.0.1 over EC2 Query, STS and CloudTrail JSON.") { serveModel, port, throttleRate, latency, failRegion };
        var emulator = new Command("emulator", "The embedded AWS emulator.") { serveCommand };
        var diffBaseline = new Argument<string>("OLD") { Description = "The earlier report.json (the baseline)." };
        var diffCurrent = new Argument<string>("NEW") { Description = "The later report.json." };
        var diffFormat = new Option<string>("--format") { Description = "table, markdown (for a pull-request comment) or json.", DefaultValueFactory = _ => DiffCommand.Table };
        diffFormat.AcceptOnlyFromAmong(DiffCommand.Table, DiffCommand.Markdown, DiffCommand.Json);
        var diffFailOn = new Option<string>("--fail-on") { Description = "Exit 1 when a new finding is at or above this severity: critical, high (default), medium, low or none.", DefaultValueFactory = _ => "high" };
        diffFailOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "none");
        var diff = new Command("diff", "Compare two report.json files: new, fixed, not re-assessed and unchanged findings.") { diffBaseline, diffCurrent, diffFormat, diffFailOn };

        var complianceSource = new SourceOptionSet();
        var framework = new Option<string>("--framework") { Description = "A framework version id such as cis-aws-foundations-v5.0.0 (an unknown id lists the valid ones), several comma-separated, or all.", Required = true };
        var complianceFormat = new Option<string>("--format") { Description = "table, markdown or json.", DefaultValueFactory = _ => DiffCommand.Table };
        complianceFormat.AcceptOnlyFromAmong(DiffCommand.Table, DiffCommand.Markdown, DiffCommand.Json);
        var complianceReport = new Option<string?>("--report") { Description = "Read the controls from this report.json instead of scanning." };
        var complianceConfig = new Option<string?>("--config") { Description = "sgaudit.yaml: rule parameters, variants, disabled rules (a disabled rule's controls are not assessed)." };
        var compliance = new Command("compliance", "Scan (or read --report) and print every control of a framework: pass, fail or not assessed.") { framework, complianceFormat, complianceReport, complianceConfig };
        complianceSource.AddTo(compliance);
        compliance.Validators.Add(result =>
        {
            if (result.GetValue(complianceReport) is null)
            {
                return;
            }

            var scanOption = complianceSource.FirstGiven(result) ?? (result.GetResult(complianceConfig) is { Implicit: false } ? complianceConfig.Name : null);
            if (scanOption is not null)
            {
                result.AddError($"--report reads a finished scan; {scanOption} applies only when compliance scans. Give one or the other.");
            }
        });

        var root = new RootCommand("SgAudit: audit AWS security groups and network ACLs against CIS, Security Hub and PCI controls.") { scan, collect, rules, emulator, diff, compliance };

        bindScan = parse => new ScanCommandOptions
        {
            Source = scanSource.Bind(parse),
            Config = parse.GetValue(config),
            Formats = SplitFormats(parse.GetValue(format) ?? ""),
            OutputDirectory = parse.GetValue(outDir) ?? "sgaudit-report",
            FailOn = parse.GetValue(failOn),
            Templates = parse.GetValue(templates),
            AllowPartial = parse.GetValue(allowPartial),
            NoAttribution = parse.GetValue(noAttribution),
            Baseline = parse.GetValue(baseline),
        };
        bindCollect = parse => (collectSource.Bind(parse), parse.GetValue(snapshotPath)!, parse.GetValue(collectAllowPartial), parse.GetValue(collectConfig), !parse.GetValue(collectNoAttribution));
        bindRules = parse => (parse.GetValue(rulesFormat) ?? "table", parse.GetValue(rulesConfig));
        bindDiff = parse => (
            parse.GetValue(diffBaseline)!,
            parse.GetValue(diffCurrent)!,
            parse.GetValue(diffFormat) ?? DiffCommand.Table,
            ScanCommandOptions.TryParseFailOn(parse.GetValue(diffFailOn) ?? "high", out var threshold) ? threshold : Severity.High);
        bindCompliance = parse => new ComplianceCommandOptions
        {
            Framework = parse.GetValue(framework)!,
            Format = parse.GetValue(complianceFormat) ?? DiffCommand.Table,
            Report = parse.GetValue(complianceReport),
            Source = complianceSource.Bind(parse),
            Config = parse.GetValue(complianceConfig),
        };
        bindServe = parse => (parse.GetValue(serveModel), parse.GetValue(port), parse.GetValue(throttleRate), parse.GetValue(latency), [.. parse.GetValue(failRegion) ?? []]);
        return root;
    }

    private static ImmutableArray<string> SplitFormats(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct()];

    /// <summary>Colours and links only on an interactive terminal: a redirected stdout (CI logs, files) gets plain text.</summary>
    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var terminal = writer == System.Console.Out && !System.Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
    }
}
