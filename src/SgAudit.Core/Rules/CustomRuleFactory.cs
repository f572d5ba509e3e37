using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// Turns a custom rule from the config file into a rule definition on its family, checking everything a built-in
/// rule's loader checks: a typo in an id, family or parameter name is an error naming the setting, never an inert rule.
/// </summary>
public static partial class CustomRuleFactory
{
    public static RuleDefinition Create(RuleCatalog catalog, CustomRuleSpec spec, string origin)
    {
        if (!IdPattern().IsMatch(spec.Id))
        {
            throw new RuleSettingsException(spec.Id, "", $"'{spec.Id}' is not a custom rule id: 2–32 capital letters, digits, '-' or '_', starting with a letter");
        }

        if (spec.Id.StartsWith("SGA", StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleSettingsException(spec.Id, "", "ids starting with SGA are reserved for built-in rules; pick your own prefix (e.g. ACME001)");
        }

        if (catalog.Find(spec.Id) is not null)
        {
            throw new RuleSettingsException(spec.Id, "", $"{spec.Id} is already a rule");
        }

        var family = catalog.FindFamily(spec.Family) ?? throw new RuleSettingsException(spec.Id, "family", UnknownFamily(catalog, spec.Family));
        if (spec.Title.Trim().Length is 0 or > 120)
        {
            throw new RuleSettingsException(spec.Id, "title", "the title must be 1–120 characters");
        }

        if (!SeverityText.TryParse(spec.Severity, out var severity))
        {
            throw new RuleSettingsException(spec.Id, "severity", $"'{spec.Severity}' is not info, low, medium, high or critical");
        }

        if (spec.Remediation.Trim().Length == 0)
        {
            throw new RuleSettingsException(spec.Id, "remediation", "say how to fix a finding of this rule");
        }

        var message = spec.Message ?? family.Message;
        foreach (Match placeholder in PlaceholderPattern().Matches(message))
        {
            if (!MessageFormatter.Placeholders.Contains(placeholder.Groups[1].Value))
            {
                throw new RuleSettingsException(spec.Id, "message", $"unknown placeholder {placeholder.Value} (use {string.Join(", ", MessageFormatter.Placeholders.Order(StringComparer.Ordinal).Select(p => "{" + p + "}"))})");
            }
        }

        var description = spec.Description ?? spec.Title;
        return new RuleDefinition(spec.Id, Slug(spec.Title), spec.Title.Trim(), severity!.Value, family.ResourceKind, family.Name)
        {
            Description = description,
            Risk = spec.Risk ?? "",
            Message = message,
            Remediation = new RuleRemediation(spec.Remediation) { Cli = spec.RemediationCli },
            References = spec.References,
            Tags = ["security", "aws", "custom"],
            Parameters = ResolveParameters(spec, family),
            Guidance = Guidance(spec, family, description, origin),
            Origin = origin,
        };
    }

    private static ImmutableArray<RuleParameterDefinition> ResolveParameters(CustomRuleSpec spec, RuleFamily family)
    {
        foreach (var name in spec.Parameters.Keys)
        {
            if (family.FindParameter(name) is null)
            {
                throw new RuleSettingsException(spec.Id, $"parameters.{name}", family.Parameters.IsEmpty
                    ? $"family '{family.Name}' takes no parameters"
                    : $"family '{family.Name}' has no parameter '{name}' ({string.Join(", ", family.Parameters.Select(p => p.Name))})");
            }
        }

        var parameters = ImmutableArray.CreateBuilder<RuleParameterDefinition>(family.Parameters.Length);
        foreach (var parameter in family.Parameters)
        {
            object value;
            if (spec.Parameters.TryGetValue(parameter.Name, out var node))
            {
                if (!ParameterValueParser.TryParse(parameter.Type, parameter.Allowed, parameter.Minimum, parameter.Maximum, node, out value, out var error))
                {
                    throw new RuleSettingsException(spec.Id, $"parameters.{parameter.Name}", error);
                }
            }
            else
            {
                value = parameter.Default ?? throw new RuleSettingsException(spec.Id, "parameters", $"family '{family.Name}' needs '{parameter.Name}' ({parameter.Description})");
            }

            parameters.Add(parameter.ForRule(value));
        }

        return parameters.MoveToImmutable();
    }

    private static string UnknownFamily(RuleCatalog catalog, string name)
    {
        var names = catalog.Families.Select(f => f.Name).ToList();
        var closest = names.OrderBy(n => EditDistance(n, name)).FirstOrDefault();
        var hint = closest is not null && EditDistance(closest, name) <= 3 ? $"did you mean '{closest}'? " : "";
        return $"'{name}' is not an evaluator family ({hint}families: {string.Join(", ", names)})";
    }

    private static string Guidance(CustomRuleSpec spec, RuleFamily family, string description, string origin)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(spec.Title.Trim()).Append("\n\n").Append(description).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(spec.Risk))
        {
            text.Append("## Risk\n\n").Append(spec.Risk).Append("\n\n");
        }

        text.Append("## Remediation\n\n").Append(spec.Remediation).Append("\n\n");
        text.Append("## How it is evaluated\n\n").Append(family.Description).Append("\n\n");
        text.Append("This is a custom rule declared in `").Append(origin).Append("` on the `").Append(family.Name).Append("` family.\n");
        return text.ToString();
    }

    /// <summary>A kebab-case slug from the title, as SARIF and the reports show it.</summary>
    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        return text.Length == 0 ? "custom-rule" : text[..Math.Min(text.Length, 64)].TrimEnd('-');
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_-]{1,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderPattern();
}
