using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering.Ordering;

/// <summary>The in-memory order of <see cref="SortKey"/>s plus the id tiebreak; what the SQL ORDER BY must reproduce.</summary>
public sealed class EntityOrdering(IReadOnlyList<SortKey> keys) : IComparer<FilterSubject>
{
    public int Compare(FilterSubject? x, FilterSubject? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        foreach (var key in keys)
        {
            var c = CompareMissingLast(x.ValueOf(key.Field), y.ValueOf(key.Field));
            if (c != 0)
            {
                return key.Descending ? -c : c;
            }
        }

        var id = CodePointComparer.Instance.Compare(x.Id, y.Id);
        return IdDescending(keys) ? -id : id;
    }

    /// <summary>The id tiebreak follows the last key's direction (see <see cref="SortKey"/>).</summary>
    public static bool IdDescending(IReadOnlyList<SortKey> keys) => keys.Count > 0 && keys[^1].Descending;

    private static int CompareMissingLast(AttributeValue? a, AttributeValue? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => AttributeValueComparer.Instance.Compare(a, b),
    };
}
