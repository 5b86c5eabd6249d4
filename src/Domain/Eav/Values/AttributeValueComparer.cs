namespace Platform.Domain.Eav.Values;

/// <summary>
/// The order of scalar values of one attribute, matching the SQL translation: text by code
/// point, numbers numerically, false before true, dates and times chronologically.
/// </summary>
public sealed class AttributeValueComparer : IComparer<AttributeValue>
{
    public static readonly AttributeValueComparer Instance = new();

    private AttributeValueComparer()
    {
    }

    public int Compare(AttributeValue? x, AttributeValue? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (TextValue a, TextValue b) => CodePointComparer.Instance.Compare(a.Value, b.Value),
        (Int64Value a, Int64Value b) => a.Value.CompareTo(b.Value),
        (DecimalValue a, DecimalValue b) => a.Value.CompareTo(b.Value),
        (Int64Value a, DecimalValue b) => ((decimal)a.Value).CompareTo(b.Value),
        (DecimalValue a, Int64Value b) => a.Value.CompareTo(b.Value),
        (BoolValue a, BoolValue b) => a.Value.CompareTo(b.Value),
        (DateValue a, DateValue b) => a.Value.CompareTo(b.Value),
        (TimestampValue a, TimestampValue b) => a.Value.CompareTo(b.Value),
        (GeoPointValue a, GeoPointValue b) => a.Latitude != b.Latitude ? a.Latitude.CompareTo(b.Latitude) : a.Longitude.CompareTo(b.Longitude),
        // Different representations never meet for one attribute; a stable answer beats a throw.
        _ => string.CompareOrdinal(x.GetType().Name, y.GetType().Name),
    };
}
