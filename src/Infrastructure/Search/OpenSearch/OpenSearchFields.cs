using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// Where and how a document carries typed attribute values: <c>attrs.{kind}.{key}</c>, the kind chosen
/// by the attribute's type so a dynamic template of the index template maps it (never by guessing from
/// the JSON). Keys are fixed in type for an attribute's lifetime, and the kind is part of the path, so two
/// types (or tenants) using one key with different types never conflict.
/// <list type="bullet">
/// <item>STRING, ENUM, REFERENCE: <c>keyword</c> (exact; byte order of UTF-8 is code point order, as the DB compares).</item>
/// <item>INT64: <c>long</c>.</item>
/// <item>DECIMAL: exact, as an order-preserving <c>keyword</c> (<see cref="SortableDecimal"/>) for filters, and a
/// <c>double</c> copy (<c>attrs.double</c>) only for range aggregations, whose bounds are approximate anyway.
/// A double cannot tell 0.1 + 1e-20 from 0.1, so filtering on it could be silently wrong.</item>
/// <item>DATE: <c>date</c> (strict_date, day precision: exact).</item>
/// <item>TIMESTAMP: <c>long</c> microseconds since the Unix epoch (<c>attrs.timestamp</c>). Timestamps are kept to
/// the microsecond; <c>date</c> keeps milliseconds only and <c>date_nanos</c> covers 1970–2262 only.</item>
/// <item>BOOL: <c>boolean</c>. GEO_POINT: <c>geo_point</c> ("lat,lon").</item>
/// </list>
/// TEXT is not carried: it is long-form, covered by search, and its substring filter is refused here.
/// </summary>
internal static class OpenSearchFields
{
    public const string Root = "attrs";
    public const string Keyword = "keyword";
    public const string Long = "long";
    public const string Decimal = "decimal";
    public const string Double = "double";
    public const string Date = "date";
    public const string Timestamp = "timestamp";
    public const string Bool = "bool";
    public const string Geo = "geo";

    /// <summary>The entity's create_time / update_time in microseconds (as timestamps).</summary>
    public const string CreateTimeField = "create_time_us";
    public const string UpdateTimeField = "update_time_us";

    /// <summary>The kind a type is filtered on, or null when the type is not carried (TEXT).</summary>
    public static string? KindOf(AttributeType type) => type switch
    {
        AttributeType.String or AttributeType.Enum or AttributeType.Reference => Keyword,
        AttributeType.Int64 => Long,
        AttributeType.Decimal => Decimal,
        AttributeType.Date => Date,
        AttributeType.Timestamp => Timestamp,
        AttributeType.Bool => Bool,
        AttributeType.GeoPoint => Geo,
        _ => null,
    };

    public static string Path(string kind, string key) => $"{Root}.{kind}.{key}";

    /// <summary>The field a filter or facet on <paramref name="attribute"/> reads, or null when not carried.</summary>
    public static string? For(AttributeDefinition attribute) => KindOf(attribute.Type) is { } kind ? Path(kind, attribute.Key) : null;

    /// <summary>The <c>attrs</c> object of a document: per kind, per key, the value (an array for a repeated attribute).</summary>
    public static JsonObject Document(IReadOnlyList<IndexedValue> values)
    {
        var root = new JsonObject();
        foreach (var value in values)
        {
            if (KindOf(value.Type) is not { } kind)
            {
                continue;
            }

            var items = value.Value is ListValue list ? list.Items : [value.Value];
            Add(root, kind, value.Attribute, items.Select(Encode).ToList());
            if (value.Type == AttributeType.Decimal)
            {
                Add(root, Double, value.Attribute, items.OfType<DecimalValue>().Select(d => (JsonNode)JsonValue.Create((double)d.Value)).ToList());
            }
        }

        return root;
    }

    private static void Add(JsonObject root, string kind, string key, List<JsonNode> encoded)
    {
        if (encoded.Count == 0)
        {
            return;
        }

        if (root[kind] is not JsonObject byKey)
        {
            byKey = new JsonObject();
            root[kind] = byKey;
        }

        byKey[key] = encoded.Count == 1 ? encoded[0] : new JsonArray([.. encoded]);
    }

    /// <summary>A value as the document and the queries write it for its kind.</summary>
    public static JsonNode Encode(AttributeValue value) => value switch
    {
        TextValue t => JsonValue.Create(t.Value),
        Int64Value i => JsonValue.Create(i.Value),
        DecimalValue d => JsonValue.Create(SortableDecimal(d.Value)),
        BoolValue b => JsonValue.Create(b.Value),
        DateValue d => JsonValue.Create(d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimestampValue t => JsonValue.Create(Microseconds(t.Value)),
        GeoPointValue g => JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{g.Latitude:R},{g.Longitude:R}")),
        _ => throw new ArgumentException($"{value.GetType().Name} has no OpenSearch encoding.", nameof(value)),
    };

    /// <summary>Microseconds since 1970-01-01 UTC (negative before): exact for the microsecond-truncated canonical timestamps.</summary>
    public static long Microseconds(DateTime value) =>
        (DateTime.SpecifyKind(value, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000);

    private static readonly BigInteger Offset = BigInteger.Pow(10, 57);

    /// <summary>
    /// A decimal as fixed-width text whose ordinal (byte) order is numeric order: the value times 10^28
    /// (every decimal's scale is at most 28, so this is an integer, below 10^57 in magnitude), written as 57
    /// digits after <c>p</c>, or, when negative, 10^57 minus its magnitude after <c>n</c> (<c>n</c> &lt; <c>p</c>).
    /// Equal decimals (1.5 and 1.50) give the same text.
    /// </summary>
    public static string SortableDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scaled = mantissa * BigInteger.Pow(10, 28 - scale);
        var negative = bits[3] < 0 && !scaled.IsZero;
        var digits = (negative ? Offset - scaled : scaled).ToString(CultureInfo.InvariantCulture).PadLeft(57, '0');
        return (negative ? "n" : "p") + digits;
    }
}
