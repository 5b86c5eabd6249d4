using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering.Ordering;

/// <summary>
/// The keyset position after a page: the last entity's value for each sort key (null when it has
/// none) and its id. <see cref="ToKey"/>/<see cref="FromKey"/> give the string list that
/// <see cref="Common.PageToken"/> carries.
/// </summary>
public sealed record SortCursor(IReadOnlyList<AttributeValue?> Values, string Id)
{
    public static SortCursor After(FilterSubject last, IReadOnlyList<SortKey> keys) =>
        new(keys.Select(k => last.ValueOf(k.Field)).ToList(), last.Id);

    /// <summary>"-" for a missing value, "=" + canonical text otherwise; the id last.</summary>
    public IReadOnlyList<string> ToKey() => [.. Values.Select(v => v is null ? "-" : "=" + AttributeValueText.Format(v)), Id];

    /// <summary>Null when the key does not fit <paramref name="keys"/> (a token from another query or forged).</summary>
    public static SortCursor? FromKey(IReadOnlyList<string> key, IReadOnlyList<SortKey> keys)
    {
        if (key.Count != keys.Count + 1)
        {
            return null;
        }

        var values = new List<AttributeValue?>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var part = key[i];
            if (part == "-")
            {
                values.Add(null);
                continue;
            }

            var value = part.StartsWith('=') ? AttributeValueText.Parse(keys[i].Field.ValueType, part[1..]) : null;
            var canonical = value is null ? null : AttributeValueRules.Represent(keys[i].Field.ValueType, value, out _);
            if (canonical is null)
            {
                return null;
            }

            values.Add(canonical);
        }

        return new SortCursor(values, key[^1]);
    }

    public bool Equals(SortCursor? other) => other is not null && Id == other.Id && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Id, Values.Count);
}
