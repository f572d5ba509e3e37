using SgAudit.Cli.Configuration;
using SgAudit.Collectors.Models;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Cli;

/// <summary>Everything a scan needs once the inputs are loaded and validated.</summary>
public sealed record ScanRequest(LoadedModel Model, ScanConfig Config, RuleCatalog Catalog)
{
    public Severity? FailOn { get; init; } = Severity.High;
}
