using System.Collections.Immutable;
using SgAudit.Collectors.Ec2;

namespace SgAudit.Collectors.Snapshots;

/// <summary>
/// The items of one listing, page by page. A first page (no NextToken) starts the listing afresh, so a listing the
/// collector restarted is not recorded twice.
/// </summary>
internal sealed class RecordedList<T>
{
    private readonly Lock _gate = new();
    private List<T>? _items;

    public void AddPage(PageRequest page, ImmutableArray<T> pageItems)
    {
        lock (_gate)
        {
            if (page.NextToken is null || _items is null)
            {
                _items = [];
            }

            _items.AddRange(pageItems);
        }
    }

    /// <summary>The recorded items, or null when no page was returned (the source does not provide the list).</summary>
    public List<T>? Items
    {
        get
        {
            lock (_gate)
            {
                return _items is null ? null : [.. _items];
            }
        }
    }
}
