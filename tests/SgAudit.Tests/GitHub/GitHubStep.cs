using YamlDotNet.RepresentationModel;

namespace SgAudit.Tests.GitHub;

/// <summary>One step of a workflow job or of the composite action.</summary>
internal sealed record GitHubStep(string File, string Job, int Index, YamlMappingNode Node)
{
    public string? Id => Node.Scalar("id");
    public string? Uses => Node.Scalar("uses");
    public string? Run => Node.Scalar("run");
    public string? If => Node.Scalar("if");
    public IReadOnlyDictionary<string, string> With => Node.ScalarMap("with");
    public IReadOnlyDictionary<string, string> Env => Node.ScalarMap("env");

    /// <summary>The action's name without the ref: "actions/checkout", "github/codeql-action/upload-sarif", "./".</summary>
    public string? Action => Uses?.Split('@')[0];

    public override string ToString() => $"{File} job {Job} step {Index + 1} ({Node.Scalar("name") ?? Uses ?? "run"})";
}
