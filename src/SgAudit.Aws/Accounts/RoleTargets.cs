using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SgAudit.Core;

namespace SgAudit.Aws.Accounts;

/// <summary>
/// The roles a scan assumes: each <c>--role-arn</c>, and for each account of <c>--accounts</c> the role
/// <c>--role-name</c> in it. Malformed ARNs, names and combinations throw <see cref="InputException"/>.
/// </summary>
internal static partial class RoleTargets
{
    public static ImmutableArray<RoleTarget> From(AwsSourceOptions options, string partition)
    {
        var targets = ImmutableArray.CreateBuilder<RoleTarget>();
        // "--role-arn a,b" may arrive unsplit; either way each ARN stands alone.
        var arns = (options.RoleArns.IsDefault ? [] : options.RoleArns)
            .SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var arn in arns)
        {
            targets.Add(ParseRoleArn(arn));
        }

        if (options.AccountsFile is null)
        {
            if (options.RoleName is not null)
            {
                throw new InputException("--role-name", null, "needs --accounts FILE: it names the role to assume in each account listed there");
            }
        }
        else
        {
            var roleName = options.RoleName
                ?? throw new InputException(options.AccountsFile, null, "--accounts needs --role-name: the role to assume in each account");
            if (!RoleNamePattern().IsMatch(roleName))
            {
                throw new InputException("--role-name", null, $"'{roleName}' is not an IAM role name (letters, digits and +=,.@_- with an optional /path/)");
            }

            foreach (var entry in AccountsFileReader.Read(options.AccountsFile))
            {
                targets.Add(new RoleTarget($"arn:{partition}:iam::{entry.AccountId}:role/{roleName.TrimStart('/')}", entry.AccountId, entry.Name));
            }
        }

        // One account scanned twice would double every finding.
        var duplicate = targets.GroupBy(t => t.AccountId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException("--role-arn", null, $"account {duplicate.Key} is named more than once ({string.Join(", ", duplicate.Select(t => t.RoleArn))})");
        }

        if (targets.Count == 0 && options.ExternalId is not null)
        {
            throw new InputException("--external-id", null, "applies only when roles are assumed (--role-arn, or --accounts with --role-name)");
        }

        return targets.ToImmutable();
    }

    public static RoleTarget ParseRoleArn(string arn)
    {
        var match = RoleArnPattern().Match(arn.Trim());
        return match.Success
            ? new RoleTarget(arn.Trim(), match.Groups["account"].Value, null)
            : throw new InputException("--role-arn", null, $"'{arn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)");
    }

    /// <summary>The ARN partition of a region: aws, aws-cn or aws-us-gov.</summary>
    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::(?<account>\d{12}):role/([A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^/?([A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleNamePattern();
}
