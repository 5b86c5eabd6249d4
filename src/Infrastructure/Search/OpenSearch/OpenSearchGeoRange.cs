using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>One range of a range aggregation: from inclusive, to exclusive, either open; <see cref="Key"/> names its bucket.</summary>
internal sealed record OpenSearchRange(string Key, double? From, double? To);

internal sealed record OpenSearchRangeBucket(string Key, double? From, double? To, long Count);

/// <summary>
/// Request pieces and parsers for geo filtering and sorting and for range facets, used by the search request
/// (<see cref="OpenSearchRequests.Search"/>, <see cref="OpenSearchOrder"/>, <see cref="OpenSearchRangeFacets"/>). Fields are the
/// typed ones of <see cref="OpenSearchFields"/>: <c>attrs.geo.{key}</c> for points, <c>attrs.long</c>,
/// <c>attrs.double</c> (decimals), <c>attrs.timestamp</c> (microseconds) for ranges. Distances are in metres
/// on the arc (great-circle) model.
/// </summary>
internal static class OpenSearchGeoRange
{
    /// <summary>The geo_point field of a GEO_POINT attribute.</summary>
    public static string GeoField(Domain.Eav.AttributeDefinition attribute) => OpenSearchFields.Path(OpenSearchFields.Geo, attribute.Key);

    /// <summary>
    /// A filter clause: the point field within <paramref name="meters"/> of the origin (documents without the field do not match;
    /// <c>ignore_unmapped</c>: while no document of the shared index has had the attribute, nothing matches instead of an error).
    /// </summary>
    public static JsonObject GeoDistanceFilter(string field, double latitude, double longitude, double meters) => new()
    {
        ["geo_distance"] = new JsonObject
        {
            ["distance"] = string.Create(CultureInfo.InvariantCulture, $"{meters:R}m"),
            ["distance_type"] = "arc",
            ["validation_method"] = "strict",
            ["ignore_unmapped"] = true,
            [field] = Point(latitude, longitude),
        },
    };

    /// <summary>
    /// A sort entry by distance from the origin in metres (the spec wants the origin as an array of points);
    /// a document without the field sorts last either way. Its sort value is read by <see cref="ParseSortDistance"/>.
    /// </summary>
    public static JsonObject GeoDistanceSort(string field, double latitude, double longitude, bool descending) => new()
    {
        ["_geo_distance"] = new JsonObject
        {
            [field] = new JsonArray(Point(latitude, longitude)),
            ["order"] = descending ? "desc" : "asc",
            ["unit"] = "m",
            ["distance_type"] = "arc",
            ["mode"] = "min",
            ["ignore_unmapped"] = true,
        },
    };

    /// <summary>
    /// The distance a hit was sorted by: its <c>sort</c> value at <paramref name="position"/> (numbers, or
    /// null/"Infinity" for a document without the point).
    /// </summary>
    public static double? ParseSortDistance(JsonElement hit, int position)
    {
        if (!hit.TryGetProperty("sort", out var sort) || sort.ValueKind != JsonValueKind.Array || sort.GetArrayLength() <= position)
        {
            return null;
        }

        var value = sort[position];
        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var d && double.IsFinite(d) ? d : null;
    }

    /// <summary>A <c>range</c> aggregation over a numeric field, one bucket per range, keyed.</summary>
    public static JsonObject RangeAggregation(string field, IReadOnlyList<OpenSearchRange> ranges) => new()
    {
        ["range"] = new JsonObject
        {
            ["field"] = field,
            ["ranges"] = new JsonArray([.. ranges.Select(r =>
            {
                var range = new JsonObject { ["key"] = r.Key };
                if (r.From is { } from)
                {
                    range["from"] = from;
                }

                if (r.To is { } to)
                {
                    range["to"] = to;
                }

                return (JsonNode)range;
            })]),
        },
    };

    /// <summary>The buckets of a range aggregation (array form); a bucket without a key gets its position's key from <paramref name="ranges"/> when given.</summary>
    public static IReadOnlyList<OpenSearchRangeBucket> ParseRangeBuckets(JsonElement body, string aggregation, IReadOnlyList<OpenSearchRange>? ranges = null)
    {
        var buckets = new List<OpenSearchRangeBucket>();
        if (!body.TryGetProperty("aggregations", out var aggregations) || aggregations.ValueKind != JsonValueKind.Object
            || !aggregations.TryGetProperty(aggregation, out var agg) || !agg.TryGetProperty("buckets", out var array)
            || array.ValueKind != JsonValueKind.Array)
        {
            return buckets;
        }

        var i = 0;
        foreach (var bucket in array.EnumerateArray())
        {
            var key = bucket.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()!
                : ranges is not null && i < ranges.Count ? ranges[i].Key : i.ToString(CultureInfo.InvariantCulture);
            buckets.Add(new OpenSearchRangeBucket(key, Number(bucket, "from"), Number(bucket, "to"), bucket.GetProperty("doc_count").GetInt64()));
            i++;
        }

        return buckets;
    }

    private static JsonObject Point(double latitude, double longitude) => new() { ["lat"] = latitude, ["lon"] = longitude };

    private static double? Number(JsonElement bucket, string name) =>
        bucket.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
