namespace Platform.Domain.Eav;

/// <summary>
/// What each attribute type supports. One table, so the definition rules, the filter binder and
/// the index planner can never disagree about it.
/// </summary>
public static class AttributeTypeTraits
{
    /// <summary>Held as <see cref="Values.TextValue"/>.</summary>
    public static bool IsTextual(this AttributeType type) =>
        type is AttributeType.String or AttributeType.Text or AttributeType.Enum or AttributeType.Reference;

    /// <summary>May carry min/max constraints.</summary>
    public static bool HasRange(this AttributeType type) =>
        type is AttributeType.Int64 or AttributeType.Decimal or AttributeType.Date or AttributeType.Timestamp;

    /// <summary>May carry max_length and pattern constraints.</summary>
    public static bool HasLength(this AttributeType type) => type is AttributeType.String or AttributeType.Text;

    /// <summary>Supports &lt; &lt;= &gt; &gt;= in filters. Enums, references and bools compare for equality only.</summary>
    public static bool IsOrdered(this AttributeType type) => type.HasRange() || type == AttributeType.String;

    /// <summary>
    /// TEXT is long-form (search covers it) and a list of points has no useful filter, so
    /// neither may be repeated.
    /// </summary>
    public static bool CanBeRepeated(this AttributeType type) => type is not (AttributeType.Text or AttributeType.GeoPoint);

    /// <summary>Geo points are queried through search (distance), not the filter language.</summary>
    public static bool CanBeFiltered(this AttributeType type) => type != AttributeType.GeoPoint;

    /// <summary>
    /// Types whose scalar values get a B-tree expression index. TEXT is excluded: a PostgreSQL
    /// B-tree row holds at most ~2.7 kB, which long text exceeds.
    /// </summary>
    public static bool IsIndexable(this AttributeType type) => type is not (AttributeType.Text or AttributeType.GeoPoint);

    public static bool CanBeSorted(this AttributeType type) => type.IsIndexable();

    public static bool CanBeUnique(this AttributeType type) =>
        type is AttributeType.String or AttributeType.Int64 or AttributeType.Decimal or AttributeType.Date
            or AttributeType.Timestamp or AttributeType.Reference;

    public static bool CanBeSearched(this AttributeType type) =>
        type is AttributeType.String or AttributeType.Text or AttributeType.Enum;

    /// <summary>A default naming one particular entity would need an existence check on every create.</summary>
    public static bool CanHaveDefault(this AttributeType type) => type != AttributeType.Reference;

    /// <summary>The API spelling, used in messages.</summary>
    public static string WireName(this AttributeType type) => type switch
    {
        AttributeType.String => "STRING",
        AttributeType.Text => "TEXT",
        AttributeType.Int64 => "INT64",
        AttributeType.Decimal => "DECIMAL",
        AttributeType.Bool => "BOOL",
        AttributeType.Date => "DATE",
        AttributeType.Timestamp => "TIMESTAMP",
        AttributeType.Enum => "ENUM",
        AttributeType.Reference => "REFERENCE",
        AttributeType.GeoPoint => "GEO_POINT",
        _ => "UNKNOWN",
    };
}
