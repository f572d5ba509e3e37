using System.Text.Json.Serialization;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Collectors.Models;

/// <summary>
/// A trail in a model: an item of `aws cloudtrail describe-trails` (`trailList[]`), listed once in its home region,
/// plus what `get-trail-status` and `get-event-selectors` print for it. Unknown keys are errors here (unlike in the
/// EC2 shapes): a misspelt `EventSelector` would otherwise turn into the default "all management events" and make a
/// trail look compliant. The other describe-trails fields are accepted and ignored, so CLI output pastes unchanged.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ModelTrail : TrailShape
{
    /// <summary>`aws cloudtrail get-trail-status`; absent means not provided (the posture is then not assessed).</summary>
    public TrailStatusShape? Status { get; set; }

    /// <summary>`get-event-selectors` .EventSelectors; with no selectors of either kind the trail logs all management events, as AWS creates it.</summary>
    public List<EventSelectorShape>? EventSelectors { get; set; }

    /// <summary>`get-event-selectors` .AdvancedEventSelectors.</summary>
    public List<AdvancedEventSelectorShape>? AdvancedEventSelectors { get; set; }

    // describe-trails fields SgAudit does not read: accepted so the CLI's output can be pasted as is.
    public string? S3KeyPrefix { get; set; }
    public string? SnsTopicName { get; set; }
    public string? SnsTopicARN { get; set; }
    public string? CloudWatchLogsLogGroupArn { get; set; }
    public string? CloudWatchLogsRoleArn { get; set; }
    public string? KmsKeyId { get; set; }
    public bool? HasInsightSelectors { get; set; }
}
