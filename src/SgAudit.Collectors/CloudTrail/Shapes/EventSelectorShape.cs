namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>A basic event selector: ReadWriteType (ReadOnly, WriteOnly, All) and whether management events are included.</summary>
public sealed class EventSelectorShape
{
    public string? ReadWriteType { get; set; }
    public bool? IncludeManagementEvents { get; set; }
    public List<string>? ExcludeManagementEventSources { get; set; }
}
