namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>An advanced event selector: a name and field conditions (eventCategory = Management, readOnly, …).</summary>
public sealed class AdvancedEventSelectorShape
{
    public string? Name { get; set; }
    public List<AdvancedFieldSelectorShape>? FieldSelectors { get; set; }
}
