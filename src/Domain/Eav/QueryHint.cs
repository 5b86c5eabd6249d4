namespace Platform.Domain.Eav;

/// <summary>
/// A query shape the tenant expects to run often: equality/range filters on
/// <see cref="FilterKeys"/> (most selective first) sorted by <see cref="SortKey"/>. Each hint
/// becomes one composite index. The sort key may also be create_time or update_time.
/// </summary>
public sealed record QueryHint(IReadOnlyList<string> FilterKeys, string? SortKey)
{
    public bool Equals(QueryHint? other) =>
        other is not null && FilterKeys.SequenceEqual(other.FilterKeys) && SortKey == other.SortKey;

    public override int GetHashCode() => HashCode.Combine(string.Join(',', FilterKeys), SortKey);
}
