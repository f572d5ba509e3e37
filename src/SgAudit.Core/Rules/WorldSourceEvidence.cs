using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// The evidence of the world-source families: for every permission with a world CIDR of a family in scope that the
/// rule flags, one piece of evidence per such CIDR. Shared so that each family only says what it flags and why.
/// </summary>
internal static class WorldSourceEvidence
{
    /// <summary>
    /// Evidence for the world sources (or destinations) of <paramref name="permissions"/>. <paramref name="detailOf"/>
    /// is asked only about permissions with a world CIDR in scope; null means the permission is not flagged.
    /// </summary>
    /// <typeparam name="TState">What <paramref name="detailOf"/> needs (a static lambda with state allocates nothing).</typeparam>
    /// <param name="permissions">A group's inbound or outbound permissions.</param>
    /// <param name="families">The address families whose world CIDR counts.</param>
    /// <param name="state">Passed to <paramref name="detailOf"/>.</param>
    /// <param name="detailOf">Why the permission fails, or null when it does not.</param>
    public static ImmutableArray<Evidence> Collect<TState>(ImmutableArray<Permission> permissions, AddressFamilies families, TState state, Func<Permission, TState, string?> detailOf)
    {
        ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
        foreach (var permission in permissions)
        {
            if (!families.HasWorldSourceInScope(permission) || detailOf(permission, state) is not { } detail)
            {
                continue;
            }

            foreach (var source in permission.Sources)
            {
                if (families.IsWorldSourceInScope(source))
                {
                    (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, source, detail));
                }
            }
        }

        return violations?.ToImmutable() ?? [];
    }
}
