namespace SgAudit.Tests.Cli;

/// <summary>The outcome of one in-process `sgaudit` run.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);
