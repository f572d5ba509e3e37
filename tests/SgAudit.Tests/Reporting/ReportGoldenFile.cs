namespace SgAudit.Tests.Reporting;

/// <summary>
/// Compares rendered output with a committed file in Reporting/Approved. On a mismatch it writes the output as
/// *.received.* beside the approved file (git-ignored) and fails with how to approve it; with SGAUDIT_APPROVE=1 it
/// (re)writes the approved file instead.
/// </summary>
internal static class ReportGoldenFile
{
    public const string ApproveVariable = "SGAUDIT_APPROVE";

    public static void Verify(string actual, string approvedFileName)
    {
        var approvedPath = Path.Combine(ReportTestPaths.ApprovedDirectory, approvedFileName);
        var receivedPath = Path.Combine(ReportTestPaths.ApprovedDirectory, approvedFileName.Replace(".approved.", ".received.", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            Directory.CreateDirectory(ReportTestPaths.ApprovedDirectory);
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        // A checkout may have turned LF into CRLF; the reports themselves always use LF.
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (string.Equals(approved, actual, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"{approvedPath} does not exist. Review {receivedPath}; to approve it, copy it over: cp '{receivedPath}' '{approvedPath}' (or run the tests with {ApproveVariable}=1)."
            : $"The output differs from {approvedPath} (first difference at character {FirstDifference(approved, actual)}). Review {receivedPath}; if the change is intended, approve it: cp '{receivedPath}' '{approvedPath}' (or run the tests with {ApproveVariable}=1).");
    }

    private static int FirstDifference(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return length;
    }
}
