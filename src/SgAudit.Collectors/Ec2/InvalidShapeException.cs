namespace SgAudit.Collectors.Ec2;

/// <summary>A shape from a model that does not map; raised instead of marking the region not assessed when the input is a user's file.</summary>
public sealed class InvalidShapeException(object shape, ShapeException error) : Exception(error.Message, error)
{
    public object Shape { get; } = shape;
    public ShapeException Error { get; } = error;
}
