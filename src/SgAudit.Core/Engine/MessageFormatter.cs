using System.Text;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Fills a rule's message template. Placeholders: {resource}, {resourceId}, {resourceName}, {permission}, {source}, {detail}.</summary>
public static class MessageFormatter
{
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "resource", "resourceId", "resourceName", "permission", "source", "detail",
    };

    public static string Format(string template, ResourceVerdict verdict, Evidence evidence)
    {
        var resource = string.Equals(verdict.ResourceName, verdict.ResourceId, StringComparison.Ordinal) || verdict.ResourceName.Length == 0
            ? verdict.ResourceId
            : $"{verdict.ResourceName} ({verdict.ResourceId})";
        var builder = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            builder.Append(name switch
            {
                "resource" => resource,
                "resourceId" => verdict.ResourceId,
                "resourceName" => verdict.ResourceName,
                "permission" => evidence.Permission,
                "source" => evidence.Source,
                "detail" => evidence.Detail,
                _ => template[open..(close + 1)],
            });
            i = close + 1;
        }

        return builder.ToString();
    }

    /// <summary>The placeholder names a template uses, for catalogue validation.</summary>
    public static IEnumerable<string> UsedPlaceholders(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                yield break;
            }

            yield return template[(i + 1)..close];
            i = close + 1;
        }
    }
}
