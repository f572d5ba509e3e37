namespace SgAudit.Aws;

/// <summary>Placeholder until the live clients land (issue 3).</summary>
internal static class AssemblyMarker;
