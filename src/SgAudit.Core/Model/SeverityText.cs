using System.Diagnostics.CodeAnalysis;

namespace SgAudit.Core.Model;

/// <summary>Lower-case names for <see cref="Severity"/>, as rules, config files and reports spell them.</summary>
public static class SeverityText
{
    public static string ToText(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out Severity? severity)
    {
        severity = text?.Trim().ToLowerInvariant() switch
        {
            "info" => Severity.Info,
            "low" => Severity.Low,
            "medium" => Severity.Medium,
            "high" => Severity.High,
            "critical" => Severity.Critical,
            _ => null,
        };
        return severity is not null;
    }
}
