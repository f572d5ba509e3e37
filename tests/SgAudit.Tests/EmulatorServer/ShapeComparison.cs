using System.Text.Json;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>Shapes have no equality of their own: compare them by their JSON, absent members (null) included.</summary>
internal static class ShapeComparison
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>By runtime type, so a List and an ImmutableArray of the same shapes compare equal.</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);

    public static void Equal(object? expected, object? actual) => Assert.Equal(Json(expected), Json(actual));
}
