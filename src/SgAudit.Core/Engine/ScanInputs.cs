namespace SgAudit.Core.Engine;

/// <summary>What a scan read: the kind of source (demo, model-file, aws-cli-exports, aws), a description, and the config file if any.</summary>
public sealed record ScanInputs(string SourceKind, string Source)
{
    public string? ConfigFile { get; init; }

    /// <summary>Requests made to the source per operation ("ec2:DescribeSecurityGroups"), retries included; null for a model.</summary>
    public IReadOnlyDictionary<string, long>? ApiCalls { get; init; }
}
