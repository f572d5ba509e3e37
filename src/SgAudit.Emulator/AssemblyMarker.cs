namespace SgAudit.Emulator;

/// <summary>Placeholder until the served emulator lands (issue 3).</summary>
internal static class AssemblyMarker;
