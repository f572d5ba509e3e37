using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SgAudit.Core.Compliance;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// Loads rules/ (rule.json + guidance.md per rule, compliance/*.json) strictly: unknown members, bad values, a
/// missing guidance page or a mapping to an unknown rule stop the load with the file and the problem.
/// </summary>
public static partial class RuleCatalogLoader
{
    private const string ResourcePrefix = "rules/";
    private const string UnmappedFile = "compliance/unmapped.json";
    private const string FamiliesFolder = "families/";

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<RuleCatalog> BuiltInCatalog = new(() => Load(ReadEmbeddedFiles()));

    /// <summary>The catalogue compiled into SgAudit (the repository's rules/ folder, embedded at build time).</summary>
    public static RuleCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>Loads a rules folder laid out like the repository's rules/.</summary>
    public static RuleCatalog LoadDirectory(string rulesDirectory)
    {
        var files = Directory.EnumerateFiles(rulesDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(rulesDirectory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        return Load(files);
    }

    /// <summary>Loads from relative path → text (e.g. "SGA001/rule.json").</summary>
    public static RuleCatalog Load(IReadOnlyDictionary<string, string> files)
    {
        var families = files
            .Where(f => f.Key.StartsWith(FamiliesFolder, StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => ParseFamily(f.Key, f.Value))
            .ToImmutableArray();
        var rules = new List<RuleDefinition>();
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!path.EndsWith("/rule.json", StringComparison.Ordinal) || path.StartsWith("compliance/", StringComparison.Ordinal))
            {
                continue;
            }

            var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
            var guidancePath = $"{folder}/guidance.md";
            if (!files.TryGetValue(guidancePath, out var guidance) || string.IsNullOrWhiteSpace(guidance))
            {
                throw new CatalogException(guidancePath, "every rule needs a non-empty guidance page");
            }

            var rule = ParseRule(path, folder, text, guidance);
            CheckAgainstFamily(path, rule, families);
            rules.Add(rule);
        }

        var duplicate = rules.GroupBy(r => r.Slug, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CatalogException(ResourcePrefix, $"slug '{duplicate.Key}' is used by {string.Join(", ", duplicate.Select(r => r.Id))}");
        }

        var ruleIds = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var frameworks = files
            .Where(f => f.Key.StartsWith("compliance/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal)
                && f.Key != UnmappedFile && !f.Key.EndsWith(".schema.json", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => ParseFramework(f.Key, f.Value, ruleIds))
            .ToImmutableArray();

        var unmapped = ImmutableDictionary<string, string>.Empty;
        if (files.TryGetValue(UnmappedFile, out var unmappedText))
        {
            var parsed = Deserialize<Dictionary<string, string>>(UnmappedFile, unmappedText);
            foreach (var id in parsed.Keys.Where(id => !ruleIds.Contains(id)))
            {
                throw new CatalogException(UnmappedFile, $"'{id}' is not a rule");
            }

            unmapped = parsed.ToImmutableDictionary(StringComparer.Ordinal);
        }

        return new RuleCatalog([.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)], frameworks) { UnmappedReasons = unmapped, Families = families };
    }

    private static RuleFamily ParseFamily(string path, string text)
    {
        var file = Deserialize<FamilyFile>(path, text);
        Require(path, Path.GetFileNameWithoutExtension(path) == file.Family, $"family '{file.Family}' does not match the file name");
        Require(path, ResourceKindText.TryParse(file.ResourceType, out var kind), $"resourceType '{file.ResourceType}' is not {ResourceKindText.SecurityGroupType} or {ResourceKindText.NetworkAclType}");
        var parameters = ImmutableArray.CreateBuilder<FamilyParameter>();
        foreach (var (name, parameter) in file.Parameters)
        {
            var type = ParseType(path, name, parameter.Type);
            var allowed = parameter.Allowed.ToImmutableArray();
            object? value = null;
            Require(path, parameter.Required == (parameter.Default is null), $"parameters.{name}: give either a default or \"required\": true");
            if (parameter.Default is not null
                && !ParameterValueParser.TryParse(type, allowed, parameter.Minimum, parameter.Maximum, parameter.Default, out value, out var error))
            {
                throw new CatalogException(path, $"parameters.{name}.default: {error}");
            }

            parameters.Add(new FamilyParameter(name, type, parameter.Description, value) { Allowed = allowed, Minimum = parameter.Minimum, Maximum = parameter.Maximum });
        }

        return new RuleFamily(file.Family, kind, file.Description, file.Message) { Parameters = parameters.ToImmutable() };
    }

    /// <summary>A rule must instantiate a known family, on its resource type, with exactly its parameters and their types.</summary>
    private static void CheckAgainstFamily(string path, RuleDefinition rule, ImmutableArray<RuleFamily> families)
    {
        var family = families.FirstOrDefault(f => f.Name == rule.Implementation)
            ?? throw new CatalogException(path, $"implementation '{rule.Implementation}' has no {FamiliesFolder}{rule.Implementation}.json");
        Require(path, family.ResourceKind == rule.ResourceKind, $"resourceType differs from its family '{family.Name}'");
        foreach (var parameter in rule.Parameters)
        {
            var declared = family.FindParameter(parameter.Name)
                ?? throw new CatalogException(path, $"parameters.{parameter.Name}: family '{family.Name}' has no such parameter");
            Require(path, declared.Accepts(parameter), $"parameters.{parameter.Name}: type, allowed values or limits differ from family '{family.Name}'");
        }

        var missing = family.Parameters.Where(p => rule.Parameters.All(r => r.Name != p.Name)).Select(p => p.Name).ToList();
        Require(path, missing.Count == 0, $"parameters: missing {string.Join(", ", missing)} of family '{family.Name}'");
    }

    private static ParameterType ParseType(string path, string name, string type) => type switch
    {
        "integer" => ParameterType.Integer,
        "boolean" => ParameterType.Boolean,
        "choice" => ParameterType.Choice,
        "portList" => ParameterType.PortList,
        "choiceList" => ParameterType.ChoiceList,
        "stringList" => ParameterType.StringList,
        "tagSelectorList" => ParameterType.TagSelectorList,
        _ => throw new CatalogException(path, $"parameters.{name}.type '{type}' is not integer, boolean, choice, portList, choiceList, stringList or tagSelectorList"),
    };

    private static RuleDefinition ParseRule(string path, string folder, string text, string guidance)
    {
        var file = Deserialize<RuleFile>(path, text);
        Require(path, IdPattern().IsMatch(file.Id), $"id '{file.Id}' is not SGA followed by three digits");
        Require(path, file.Id == folder, $"id '{file.Id}' does not match its folder '{folder}'");
        Require(path, SlugPattern().IsMatch(file.Slug), $"slug '{file.Slug}' is not kebab-case");
        Require(path, file.Title.Length is > 0 and <= 120, "title must be 1–120 characters");
        Require(path, !file.Title.StartsWith("Ensure", StringComparison.OrdinalIgnoreCase), "title states the problem; it does not start with 'Ensure'");
        Require(path, SeverityText.TryParse(file.Severity, out var severity), $"severity '{file.Severity}' is not info, low, medium, high or critical");
        Require(path, ResourceKindText.TryParse(file.ResourceType, out var kind), $"resourceType '{file.ResourceType}' is not {ResourceKindText.SecurityGroupType} or {ResourceKindText.NetworkAclType}");
        Require(path, file.Tags.Count <= 10, "at most 10 tags (GitHub shows no more)");

        var parameters = file.Parameters.Select(p => ParseParameter(path, p.Key, p.Value)).ToImmutableArray();
        var variants = file.Variants.Select(v => ParseVariant(path, v.Key, v.Value, parameters)).ToImmutableArray();
        Require(path, file.DefaultVariant is null || variants.Any(v => v.Name == file.DefaultVariant), $"defaultVariant '{file.DefaultVariant}' is not one of the variants");

        return new RuleDefinition(file.Id, file.Slug, file.Title, severity!.Value, kind, file.Implementation)
        {
            Description = file.Description,
            Risk = file.Risk,
            Message = file.Message,
            Remediation = new RuleRemediation(file.Remediation.Text) { Cli = file.Remediation.Cli, Terraform = file.Remediation.Terraform },
            References = [.. file.References],
            Tags = [.. file.Tags],
            Parameters = parameters,
            Variants = variants,
            DefaultVariant = file.DefaultVariant,
            Guidance = guidance,
        };
    }

    private static RuleParameterDefinition ParseParameter(string path, string name, ParameterFile file)
    {
        var type = ParseType(path, name, file.Type);
        var allowed = file.Allowed.ToImmutableArray();
        if (!ParameterValueParser.TryParse(type, allowed, file.Minimum, file.Maximum, file.Default, out var value, out var error))
        {
            throw new CatalogException(path, $"parameters.{name}.default: {error}");
        }

        return new RuleParameterDefinition(name, type, value, file.Description) { Allowed = allowed, Minimum = file.Minimum, Maximum = file.Maximum };
    }

    private static RuleVariant ParseVariant(string path, string name, VariantFile file, ImmutableArray<RuleParameterDefinition> parameters)
    {
        var values = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var (parameterName, node) in file.Parameters)
        {
            var definition = parameters.FirstOrDefault(p => p.Name == parameterName)
                ?? throw new CatalogException(path, $"variants.{name}: no parameter '{parameterName}'");
            if (!ParameterValueParser.TryParse(definition, node, out var value, out var error))
            {
                throw new CatalogException(path, $"variants.{name}.{parameterName}: {error}");
            }

            values[parameterName] = value;
        }

        return new RuleVariant(name, file.Description, values.ToImmutable());
    }

    private static ComplianceFramework ParseFramework(string path, string text, HashSet<string> ruleIds)
    {
        var file = Deserialize<FrameworkFile>(path, text);
        Require(path, Path.GetFileNameWithoutExtension(path) == file.Id, $"id '{file.Id}' does not match the file name");
        var controls = new List<ComplianceControl>();
        foreach (var control in file.Controls)
        {
            foreach (var ruleId in control.RuleIds.Where(id => !ruleIds.Contains(id)))
            {
                throw new CatalogException(path, $"control {control.Id} maps to unknown rule '{ruleId}'");
            }

            controls.Add(new ComplianceControl(control.Id, control.Title, [.. control.RuleIds]) { Notes = control.Notes });
        }

        return new ComplianceFramework(file.Id, file.Name, file.Version, file.ShortName, [.. controls]) { Source = file.Source };
    }

    private static T Deserialize<T>(string path, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, FileOptions) ?? throw new CatalogException(path, "the file is empty");
        }
        catch (JsonException ex)
        {
            throw new CatalogException(path, $"line {(ex.LineNumber ?? 0) + 1}, {ex.Path}: {ex.Message}");
        }
    }

    private static void Require(string path, bool condition, string problem)
    {
        if (!condition)
        {
            throw new CatalogException(path, problem);
        }
    }

    private static Dictionary<string, string> ReadEmbeddedFiles()
    {
        var assembly = typeof(RuleCatalogLoader).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            files[name[ResourcePrefix.Length..]] = ReadResource(assembly, name);
        }

        return files;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new CatalogException(name, "embedded resource missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^SGA[0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
