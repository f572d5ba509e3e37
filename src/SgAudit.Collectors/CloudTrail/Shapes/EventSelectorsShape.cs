namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>GetEventSelectors's answer: basic or advanced selectors (a trail has one kind or the other).</summary>
public sealed class EventSelectorsShape
{
    public string? TrailARN { get; set; }
    public List<EventSelectorShape>? EventSelectors { get; set; }
    public List<AdvancedEventSelectorShape>? AdvancedEventSelectors { get; set; }
}
