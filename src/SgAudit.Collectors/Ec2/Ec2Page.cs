using System.Collections.Immutable;

namespace SgAudit.Collectors.Ec2;

/// <summary>One page of a Describe* call: the items and the token for the next page (null on the last page).</summary>
public sealed record Ec2Page<T>(ImmutableArray<T> Items, string? NextToken);
