namespace SgAudit.Tests.Support;

/// <summary>The outcome of a program run as a separate process.</summary>
internal sealed record CliRunResult(int ExitCode, string Output, string Error);
