using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// Range facets as aggregations beside the hits, one per facet, in the database backend's shape: n boundaries make
/// n + 1 half-open buckets [start, end) (the first and last unbounded), every bucket reported (empty ones as 0), and
/// only entities with a value counted.
/// <para>A <c>range</c> aggregation compares as doubles. That is exact for DATE (epoch milliseconds), and for INT64 and
/// TIMESTAMP (microseconds) as long as every boundary is within ±2^53: rounding a long to a double is monotonic and
/// every integer up to 2^53 is a double, so no value crosses such a boundary. Otherwise, and always for DECIMAL (whose
/// <c>attrs.double</c> copy could put 0.1 + 1e-20 below a boundary of 0.1000…01), each bucket is a <c>range</c> query
/// on the exact field (decimals by their order-preserving keyword, <see cref="OpenSearchFields.SortableDecimal"/>) in a
/// <c>filters</c> aggregation: the same comparison the filter language makes, so a bucket counts what the equivalent
/// filter would, as on the database.</para>
/// </summary>
internal static class OpenSearchRangeFacets
{
    private const long MaxExactDouble = 1L << 53;

    public static string Name(int i) => $"range_{i}";

    public static void AddTo(JsonObject aggregations, IReadOnlyList<RangeFacetQuery> facets)
    {
        for (var i = 0; i < facets.Count; i++)
        {
            aggregations[Name(i)] = Aggregation(facets[i]);
        }
    }

    public static JsonObject Aggregation(RangeFacetQuery facet)
    {
        var attribute = facet.Attribute;
        var field = attribute is { Repeated: false, Type: AttributeType.Int64 or AttributeType.Decimal or AttributeType.Date or AttributeType.Timestamp }
            ? OpenSearchFields.For(attribute)!
            : throw new SearchNotSupportedException("range_facets", $"{attribute.Path} is not a single-valued INT64, DECIMAL, DATE or TIMESTAMP attribute");
        var numbers = facet.Boundaries.Select(AsExactDouble).ToList();
        // A decimal's field is its keyword (a range aggregation needs a numeric field), whatever its boundaries.
        if (attribute.Type != AttributeType.Decimal && numbers.All(n => n is not null))
        {
            return OpenSearchGeoRange.RangeAggregation(field, Ranges(numbers.Select(n => n!.Value).ToList()));
        }

        return new JsonObject
        {
            ["filters"] = new JsonObject
            {
                ["filters"] = new JsonArray([.. Enumerable.Range(0, facet.Boundaries.Count + 1).Select(i => (JsonNode)Bucket(field, facet.Boundaries, i))]),
            },
        };
    }

    /// <summary>The facets' counts, in request order, one per bucket (below the first boundary first).</summary>
    public static IReadOnlyList<RangeCounts> Parse(JsonElement body, IReadOnlyList<RangeFacetQuery> facets)
    {
        var result = new List<RangeCounts>(facets.Count);
        for (var i = 0; i < facets.Count; i++)
        {
            var counts = new long[facets[i].Boundaries.Count + 1];
            // Range buckets carry the key we gave them; filters buckets (anonymous) come back in filter order.
            var keys = Enumerable.Range(0, counts.Length).Select(k => new OpenSearchRange(Key(k), null, null)).ToList();
            foreach (var bucket in OpenSearchGeoRange.ParseRangeBuckets(body, Name(i), keys))
            {
                if (int.TryParse(bucket.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < counts.Length)
                {
                    counts[at] = bucket.Count;
                }
            }

            result.Add(new RangeCounts(facets[i], counts));
        }

        return result;
    }

    private static List<OpenSearchRange> Ranges(List<double> boundaries) =>
        [.. Enumerable.Range(0, boundaries.Count + 1).Select(i =>
            new OpenSearchRange(Key(i), i == 0 ? null : boundaries[i - 1], i == boundaries.Count ? null : boundaries[i]))];

    private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bucket <paramref name="i"/> as a query: gte the boundary before it, lt the one after; <c>exists</c> when unbounded both ways.</summary>
    private static JsonObject Bucket(string field, IReadOnlyList<AttributeValue> boundaries, int i)
    {
        var range = new JsonObject();
        if (i > 0)
        {
            range["gte"] = OpenSearchFields.Encode(boundaries[i - 1]);
        }

        if (i < boundaries.Count)
        {
            range["lt"] = OpenSearchFields.Encode(boundaries[i]);
        }

        return range.Count == 0
            ? new JsonObject { ["exists"] = new JsonObject { ["field"] = field } }
            : new JsonObject { ["range"] = new JsonObject { [field] = range } };
    }

    /// <summary>The boundary as the number a range aggregation compares exactly, or null when a double cannot do it exactly.</summary>
    private static double? AsExactDouble(AttributeValue value) => value switch
    {
        Int64Value { Value: >= -MaxExactDouble and <= MaxExactDouble } v => v.Value,
        TimestampValue t when OpenSearchFields.Microseconds(t.Value) is >= -MaxExactDouble and <= MaxExactDouble and var us => us,
        // A date field's values are epoch milliseconds of midnight UTC; years 1–9999 are far inside 2^53.
        DateValue d => (d.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds,
        _ => null,
    };
}
