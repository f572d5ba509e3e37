using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using SgAudit.Cli.Sources;
using SgAudit.Core.Model;

namespace SgAudit.Cli.Commands;

/// <summary>The options `scan`, `collect` and `compliance` share to choose and shape the source, with their cross-checks.</summary>
internal sealed class SourceOptionSet
{
    private readonly Option<string> _source = new("--source") { Description = "emulator (the demo account or --model; default) or aws (live, read-only).", DefaultValueFactory = _ => SourceOptions.Emulator };
    private readonly Option<string?> _model = new("--model") { Description = "A model file (YAML or JSON) or a folder of AWS CLI exports (describe-*.json). Default: the embedded demo account." };
    private readonly Option<string?> _region = new("--region") { Description = "Regions to read, comma-separated, or 'all'. Default: every region enabled for the account." };
    private readonly Option<string?> _profile = new("--profile") { Description = "AWS: a named profile from ~/.aws/config (default: the standard credential chain)." };
    private readonly Option<string?> _endpointUrl = new("--endpoint-url") { Description = "AWS: send every call (EC2, CloudTrail, STS) to this endpoint (moto, LocalStack, sgaudit emulator serve)." };
    private readonly Option<string?> _roleArn = new("--role-arn") { Description = "AWS: assume these roles, comma-separated, one account each." };
    private readonly Option<string?> _accounts = new("--accounts") { Description = "AWS: a file of account ids (one per line) to scan by assuming --role-name in each." };
    private readonly Option<string?> _roleName = new("--role-name") { Description = "AWS: the role to assume in each account of --accounts." };
    private readonly Option<string?> _externalId = new("--external-id") { Description = "AWS: the external id the roles require." };
    private readonly Option<int> _requestTimeout = new("--request-timeout") { Description = "AWS: seconds one attempt of one API call may take before it is retried (default 30).", DefaultValueFactory = _ => 30 };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "How many regions are read at once (1-32).", DefaultValueFactory = _ => 4 };

    public SourceOptionSet()
    {
        _source.AcceptOnlyFromAmong(SourceOptions.Emulator, SourceOptions.Aws);
        _concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 32)
            {
                result.AddError("--concurrency: give a number from 1 to 32.");
            }
        });
        _requestTimeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 600)
            {
                result.AddError("--request-timeout: give a number of seconds from 1 to 600.");
            }
        });
        _region.Validators.Add(result =>
        {
            var bad = SplitList(result.GetValueOrDefault<string?>()).Where(r => r != "all" && !RegionName.IsValid(r)).ToList();
            if (bad.Count > 0)
            {
                result.AddError($"--region: '{bad[0]}' is not a region name such as us-east-1 (or 'all').");
            }
        });
        _endpointUrl.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                result.AddError($"--endpoint-url: '{text}' is not an http or https URL.");
            }
        });
    }

    private Option[] All => [_source, _model, _region, _profile, _endpointUrl, _roleArn, _accounts, _roleName, _externalId, _requestTimeout, _concurrency];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(Validate);
    }

    /// <summary>The name of the first of these options given on the command line (not defaulted), or null.</summary>
    public string? FirstGiven(CommandResult result) =>
        All.FirstOrDefault(o => result.GetResult(o) is { Implicit: false })?.Name;

    public SourceOptions Bind(ParseResult parse)
    {
        var regions = SplitList(parse.GetValue(_region));
        return new SourceOptions
        {
            Source = parse.GetValue(_source) ?? SourceOptions.Emulator,
            Model = parse.GetValue(_model),
            Regions = regions.Contains("all") ? [] : regions,
            Profile = parse.GetValue(_profile),
            EndpointUrl = parse.GetValue(_endpointUrl) is { } url ? new Uri(url) : null,
            RoleArns = SplitList(parse.GetValue(_roleArn)),
            AccountsFile = parse.GetValue(_accounts),
            RoleName = parse.GetValue(_roleName),
            ExternalId = parse.GetValue(_externalId),
            Concurrency = parse.GetValue(_concurrency),
            RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(_requestTimeout)),
        };
    }

    private void Validate(CommandResult result)
    {
        var live = result.GetValue(_source) == SourceOptions.Aws;
        if (live && result.GetValue(_model) is not null)
        {
            result.AddError("--model reads a model into the embedded emulator; it cannot be combined with --source aws.");
        }

        Option[] awsOnly = [_profile, _endpointUrl, _roleArn, _accounts, _roleName, _externalId, _requestTimeout];
        var misplaced = awsOnly.FirstOrDefault(o => result.GetResult(o) is { Implicit: false });
        if (!live && misplaced is not null)
        {
            result.AddError($"{misplaced.Name} applies to live scans: add --source aws.");
        }

        if (result.GetValue(_roleArn) is not null && result.GetValue(_accounts) is not null)
        {
            result.AddError("--role-arn and --accounts both choose the accounts: give one of them.");
        }

        if ((result.GetValue(_accounts) is null) != (result.GetValue(_roleName) is null))
        {
            result.AddError("--accounts and --role-name go together: the role named is assumed in each account of the file.");
        }

        if (result.GetValue(_externalId) is not null && result.GetValue(_roleArn) is null && result.GetValue(_accounts) is null)
        {
            result.AddError("--external-id applies to assumed roles: add --role-arn or --accounts.");
        }
    }

    private static ImmutableArray<string> SplitList(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
