using YamlDotNet.RepresentationModel;

namespace SgAudit.Tests.GitHub;

/// <summary>A workflow or the composite action: its text (comments included, which the parser drops) and its YAML tree.</summary>
internal sealed record GitHubYamlFile(string RelativePath, string Text, YamlMappingNode Root)
{
    public static GitHubYamlFile Load(string repositoryRoot, string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(repositoryRoot, relativePath));
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        var root = Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
        return new GitHubYamlFile(relativePath, text, root);
    }

    public bool IsAction => RelativePath == "action.yml";

    /// <summary>Every step with the job it belongs to ("runs" for the action), in file order.</summary>
    public IReadOnlyList<GitHubStep> Steps()
    {
        if (IsAction)
        {
            return StepsOf("runs", Root.Mapping("runs"));
        }

        return [.. Jobs().SelectMany(job => StepsOf(job.Name, job.Node))];
    }

    public IReadOnlyList<(string Name, YamlMappingNode Node)> Jobs() =>
        IsAction ? [] : [.. Root.Mapping("jobs").Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value))];

    private List<GitHubStep> StepsOf(string job, YamlMappingNode owner) =>
        [.. ((YamlSequenceNode?)owner.Get("steps") ?? []).Children.Select((s, i) => new GitHubStep(RelativePath, job, i, (YamlMappingNode)s))];
}
