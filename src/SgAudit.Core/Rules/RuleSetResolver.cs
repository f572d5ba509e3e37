using System.Collections.Immutable;

namespace SgAudit.Core.Rules;

/// <summary>
/// Applies settings to the catalogue in one place: rule.json defaults, then a variant, then individual
/// parameters. Unknown rules, variants and parameters are errors, never silently ignored.
/// </summary>
public static class RuleSetResolver
{
    public static ImmutableArray<ResolvedRule> Resolve(RuleCatalog catalog, IReadOnlyDictionary<string, RuleSettings> settings)
    {
        foreach (var ruleId in settings.Keys)
        {
            if (catalog.Find(ruleId) is null)
            {
                throw new RuleSettingsException(ruleId, "", $"there is no rule {ruleId} (see `sgaudit rules`)");
            }
        }

        var resolved = ImmutableArray.CreateBuilder<ResolvedRule>();
        foreach (var definition in catalog.Rules)
        {
            var ruleSettings = settings.FirstOrDefault(s => string.Equals(s.Key, definition.Id, StringComparison.OrdinalIgnoreCase)).Value ?? new RuleSettings();
            if (ruleSettings.Enabled == false)
            {
                continue;
            }

            resolved.Add(Resolve(definition, ruleSettings));
        }

        return resolved.ToImmutable();
    }

    public static ResolvedRule Resolve(RuleDefinition definition, RuleSettings settings)
    {
        var values = definition.Parameters.ToImmutableDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        var variantName = definition.DefaultVariant;
        if (settings.Variant is { } requested)
        {
            var variant = definition.Variants.FirstOrDefault(v => v.Name == requested)
                ?? throw new RuleSettingsException(definition.Id, "variant", definition.Variants.IsEmpty
                    ? $"{definition.Id} has no variants"
                    : $"'{requested}' is not a variant of {definition.Id} ({string.Join(", ", definition.Variants.Select(v => v.Name))})");
            values = values.SetItems(variant.Parameters);
            variantName = variant.Name;
        }

        foreach (var (name, node) in settings.Parameters)
        {
            var parameter = definition.Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new RuleSettingsException(definition.Id, $"parameters.{name}", definition.Parameters.IsEmpty
                    ? $"{definition.Id} takes no parameters"
                    : $"{definition.Id} has no parameter '{name}' ({string.Join(", ", definition.Parameters.Select(p => p.Name))})");
            if (!ParameterValueParser.TryParse(parameter, node, out var value, out var error))
            {
                throw new RuleSettingsException(definition.Id, $"parameters.{name}", error);
            }

            values = values.SetItem(name, value);
        }

        // Name the variant only if every final value is exactly that variant's reading (defaults overlaid by it).
        if (!settings.Parameters.IsEmpty)
        {
            variantName = definition.Variants.FirstOrDefault(v => definition.Parameters.All(p =>
                ParameterValues.AreEqual(values[p.Name], v.Parameters.TryGetValue(p.Name, out var reading) ? reading : p.Default)))?.Name;
        }

        return new ResolvedRule(definition, new RuleParameters(values)) { Variant = variantName, Severity = settings.Severity ?? definition.Severity };
    }
}
