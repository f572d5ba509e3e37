using System.Diagnostics;

namespace SgAudit.Tests.Reporting;

/// <summary>Validates a SARIF file against the official 2.1.0 schema (draft-04) with Python's jsonschema.</summary>
internal static class SarifSchemaValidation
{
    private const string Script = """
        import json, sys
        from jsonschema import Draft4Validator
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            document = json.load(f)
        Draft4Validator.check_schema(schema)
        errors = sorted(Draft4Validator(schema).iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors[:20]:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message[:300])
        sys.exit(1 if errors else 0)
        """;

    /// <summary>The schema errors, one per line; empty when the file is valid.</summary>
    public static async Task<string> ValidateAsync(string sarifPath)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(ReportTestPaths.SarifSchema);
        start.ArgumentList.Add(sarifPath);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var stderr = await error;
        if (stderr.Contains("ModuleNotFoundError", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"python3 has no jsonschema module (pip install jsonschema): {stderr}");
        }

        return process.ExitCode == 0 ? "" : (await output) + stderr;
    }
}
