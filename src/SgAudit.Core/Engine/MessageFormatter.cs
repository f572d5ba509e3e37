using System.Globalization;
using System.Runtime.CompilerServices;
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
        // One string per finding: placeholders are compared as spans and the text is built on the stack (a scan
        // formats hundreds of thousands of messages).
        var builder = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var text = template.AsSpan();
        while (text.Length > 0)
        {
            var open = text.IndexOf('{');
            var close = open < 0 ? -1 : text[open..].IndexOf('}');
            if (close < 0)
            {
                builder.AppendFormatted(text);
                break;
            }

            close += open;
            builder.AppendFormatted(text[..open]);
            var name = text[(open + 1)..close];
            switch (name)
            {
                case "resource":
                    AppendResource(ref builder, verdict);
                    break;
                case "resourceId":
                    builder.AppendFormatted(verdict.ResourceId);
                    break;
                case "resourceName":
                    builder.AppendFormatted(verdict.ResourceName);
                    break;
                case "permission":
                    builder.AppendFormatted(evidence.Permission);
                    break;
                case "source":
                    builder.AppendFormatted(evidence.Source);
                    break;
                case "detail":
                    builder.AppendFormatted(evidence.Detail);
                    break;
                default:
                    builder.AppendFormatted(text[open..(close + 1)]);
                    break;
            }

            text = text[(close + 1)..];
        }

        return builder.ToStringAndClear();
    }

    private static void AppendResource(ref DefaultInterpolatedStringHandler builder, ResourceVerdict verdict)
    {
        if (string.Equals(verdict.ResourceName, verdict.ResourceId, StringComparison.Ordinal) || verdict.ResourceName.Length == 0)
        {
            builder.AppendFormatted(verdict.ResourceId);
            return;
        }

        builder.AppendFormatted(verdict.ResourceName);
        builder.AppendLiteral(" (");
        builder.AppendFormatted(verdict.ResourceId);
        builder.AppendLiteral(")");
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
