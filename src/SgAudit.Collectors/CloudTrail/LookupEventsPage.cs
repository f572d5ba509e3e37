using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>One page of LookupEvents: the events (newest first, as CloudTrail returns them) and the next token.</summary>
public sealed record LookupEventsPage(ImmutableArray<CloudTrailEventShape> Events, string? NextToken);
