using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgAudit.Collectors.Models;
using SgAudit.Core;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;

namespace SgAudit.Cli.Configuration;

/// <summary>
/// Reads the <c>suppressions:</c> list of sgaudit.yaml (docs/config.md) strictly: an unknown key or rule id, a bad
/// date, a missing reason or a suppression that selects nothing is an input error with its line, never an exception
/// that silently covers more or less than written.
/// </summary>
public static class SuppressionConfigReader
{
    private static readonly string[] Keys = ["rules", "resourceId", "resourceName", "vpcId", "accountId", "region", "reason", "until"];

    /// <summary>The suppressions in file order; empty when the key is absent or empty.</summary>
    /// <param name="path">The config file, for errors and each suppression's source.</param>
    /// <param name="locator">Turns JSON paths into line numbers.</param>
    /// <param name="node">The value of the <c>suppressions</c> key.</param>
    /// <param name="catalog">The rule catalogue: its rule ids are the ones a suppression may name.</param>
    /// <param name="rules">The configured rules, whose ids may also be named.</param>
    public static ImmutableArray<Suppression> Read(string path, YamlDocumentReader locator, JsonNode? node, RuleCatalog catalog, ImmutableArray<ResolvedRule> rules)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(catalog);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray items)
        {
            throw new InputException(path, locator.Describe("$.suppressions"), "expected a list of suppressions, each a mapping with rules, a selector and a reason");
        }

        var ruleIds = catalog.Rules.Select(r => r.Id).Concat(rules.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);
        var suppressions = ImmutableArray.CreateBuilder<Suppression>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            suppressions.Add(ReadOne(path, locator, $"$.suppressions[{i}]", items[i], ruleIds));
        }

        return suppressions.MoveToImmutable();
    }

    private static Suppression ReadOne(string path, YamlDocumentReader locator, string at, JsonNode? node, HashSet<string> ruleIds)
    {
        InputException Error(string place, string problem) => new(path, locator.Describe(place), problem);

        if (node is not JsonObject item)
        {
            throw Error(at, $"expected a mapping with rules, a selector ({string.Join(", ", Keys[1..6])}) and a reason");
        }

        foreach (var (key, _) in item)
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                throw Error($"{at}.{key}", $"unknown key '{key}' (expected {string.Join(", ", Keys)})");
            }
        }

        if (!item.ContainsKey("rules"))
        {
            throw Error(at, "a suppression needs 'rules': the rule ids it suppresses");
        }

        var ids = ReadRuleIds(item["rules"], $"{at}.rules", ruleIds, Error);

        if (!item.ContainsKey("reason"))
        {
            throw Error(at, "a suppression needs a 'reason'");
        }

        var reason = Text(item["reason"])?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw Error($"{at}.reason", "the reason must be non-empty text");
        }

        DateOnly? until = null;
        if (item.ContainsKey("until"))
        {
            var text = Text(item["until"]);
            until = Suppression.TryParseDate(text, out var day)
                ? day
                : throw Error($"{at}.until", $"{Shown(item["until"])} is not a date YYYY-MM-DD (the last day the suppression applies, UTC)");
        }

        var selector = new ResourceSelector
        {
            ResourceId = Pattern(item, "resourceId", at, Error),
            ResourceName = Pattern(item, "resourceName", at, Error),
            VpcId = Exact(item, "vpcId", at, Error, v => v.StartsWith("vpc-", StringComparison.Ordinal) && v.Length > 4, "a VPC id (vpc-…)"),
            AccountId = Exact(item, "accountId", at, Error, v => v.Length == 12 && v.All(char.IsAsciiDigit), "a 12-digit AWS account id (quote it in YAML)"),
            Region = Exact(item, "region", at, Error, RegionName.IsValid, "an AWS region name such as eu-west-1"),
        };
        if (selector.IsEmpty)
        {
            throw Error(at, "a suppression needs at least one of resourceId, resourceName, vpcId, accountId or region");
        }

        var line = locator.Line(at) ?? 0;
        return new Suppression(ids, selector, reason, SuppressionSource.Config(path, (int)line)) { Until = until };
    }

    private static ImmutableArray<string> ReadRuleIds(JsonNode? node, string at, HashSet<string> ruleIds, Func<string, string, InputException> error)
    {
        var values = node switch
        {
            JsonArray array => array.Select((n, i) => (Node: n, At: $"{at}[{i}]")).ToList(),
            _ => [(node, at)],
        };
        if (values.Count == 0)
        {
            throw error(at, "list at least one rule id");
        }

        var ids = ImmutableArray.CreateBuilder<string>(values.Count);
        foreach (var (value, place) in values)
        {
            var id = Text(value)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw error(place, "expected a rule id such as SGA004");
            }

            if (id.Contains('*', StringComparison.Ordinal))
            {
                throw error(place, "rule ids must be exact: '*' is not allowed (a wildcard would also suppress rules added later)");
            }

            if (!ruleIds.Contains(id))
            {
                var close = ruleIds.FirstOrDefault(r => string.Equals(r, id, StringComparison.OrdinalIgnoreCase));
                throw error(place, close is null ? $"there is no rule {id}" : $"there is no rule {id} (did you mean {close}?)");
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids.ToImmutable();
    }

    private static GlobPattern? Pattern(JsonObject item, string key, string at, Func<string, string, InputException> error)
    {
        if (!item.ContainsKey(key))
        {
            return null;
        }

        var text = Text(item[key]);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw error($"{at}.{key}", "expected an id, a name or a pattern with * and ?");
        }

        if (text.All(c => c is '*' or '?'))
        {
            throw error($"{at}.{key}", $"'{text}' selects every resource; to turn a rule off, set rules.<ID>.enabled: false");
        }

        return GlobPattern.Parse(text);
    }

    private static string? Exact(JsonObject item, string key, string at, Func<string, string, InputException> error, Func<string, bool> isValid, string expected)
    {
        if (!item.ContainsKey(key))
        {
            return null;
        }

        var text = Text(item[key]);
        return text is not null && isValid(text) ? text : throw error($"{at}.{key}", $"{Shown(item[key])} is not {expected}");
    }

    // Text, or the exact text of a number (an unquoted account id reads as a number).
    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static string Shown(JsonNode? node) => node is null ? "an empty value" : string.Create(CultureInfo.InvariantCulture, $"'{Text(node) ?? node.ToJsonString()}'");
}
