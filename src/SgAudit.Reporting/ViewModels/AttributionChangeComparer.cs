namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// Two attributions show the same change when everything but their group (account, region, id and name) is equal:
/// what a finding's lastChange holds, and what the HTML table counts in one row for groups without an outcome of
/// their own.
/// </summary>
internal sealed class AttributionChangeComparer : IEqualityComparer<AttributionView>
{
    public static readonly AttributionChangeComparer Instance = new();

    private AttributionChangeComparer()
    {
    }

    public bool Equals(AttributionView? x, AttributionView? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && string.Equals(x.Status, y.Status, StringComparison.Ordinal)
            && string.Equals(x.Text, y.Text, StringComparison.Ordinal)
            && string.Equals(x.ErrorCode, y.ErrorCode, StringComparison.Ordinal)
            && string.Equals(x.ErrorMessage, y.ErrorMessage, StringComparison.Ordinal)
            && string.Equals(x.Actor, y.Actor, StringComparison.Ordinal)
            && string.Equals(x.EventName, y.EventName, StringComparison.Ordinal)
            && string.Equals(x.EventTime, y.EventTime, StringComparison.Ordinal)
            && string.Equals(x.SourceIp, y.SourceIp, StringComparison.Ordinal)
            && string.Equals(x.EventId, y.EventId, StringComparison.Ordinal));

    // The text carries the status's phrase, the error code or the actor, time and event name.
    public int GetHashCode(AttributionView obj) => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(obj.Text),
        obj.ErrorMessage is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.ErrorMessage),
        obj.EventId is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.EventId));
}
