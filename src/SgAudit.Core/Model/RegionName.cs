using System.Text.RegularExpressions;

namespace SgAudit.Core.Model;

/// <summary>What an AWS region name looks like (us-east-1, ap-southeast-3, us-gov-west-1): one rule for models and options.</summary>
public static partial class RegionName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex Pattern();
}
