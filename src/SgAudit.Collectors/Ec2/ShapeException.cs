namespace SgAudit.Collectors.Ec2;

/// <summary>An API shape that does not make a valid model; <see cref="Path"/> is relative to the resource (e.g. "IpPermissions[0].FromPort").</summary>
public sealed class ShapeException(string path, string problem) : Exception(path.Length == 0 ? problem : $"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
