using SgAudit.Tests.Support;

namespace SgAudit.Tests.GitHub;

/// <summary>One run of the action's scan step: the process, the step outputs it set and what it added to the job summary.</summary>
internal sealed record ActionScanRun(CliRunResult Process, IReadOnlyDictionary<string, string> Outputs, string Summary);
