namespace SgAudit.Reporting;

/// <summary>How reports name the tool.</summary>
public static class ReportToolInfo
{
    public const string Name = "SgAudit";

    /// <summary>Where SARIF consumers send users for more about the tool (SARIF <c>tool.driver.informationUri</c>).</summary>
    public const string InformationUri = "https://github.com/sgaudit/sgaudit";
}
