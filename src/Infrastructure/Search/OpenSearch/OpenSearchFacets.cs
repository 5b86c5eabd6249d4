using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// Facet counts of a search as aggregations beside its hits: a <c>terms</c> aggregation per facet (most
/// frequent first, ties by key) and a <c>missing</c> aggregation for the entities without a value, which
/// the database backend counts as a null bucket. Counts are exact because a tenant's documents are routed
/// to one shard (no per-shard top-N approximation).
/// </summary>
internal static class OpenSearchFacets
{
    public static string Name(int i) => $"facet_{i}";

    public static string MissingName(int i) => $"facet_{i}_missing";

    /// <summary>The aggregations for <paramref name="facets"/> (STRING, ENUM or BOOL single-valued attributes).</summary>
    public static JsonObject Aggregations(IReadOnlyList<AttributeDefinition> facets, int buckets)
    {
        var aggregations = new JsonObject();
        for (var i = 0; i < facets.Count; i++)
        {
            var field = FieldOf(facets[i]);
            aggregations[Name(i)] = new JsonObject
            {
                ["terms"] = new JsonObject
                {
                    ["field"] = field,
                    ["size"] = buckets,
                    ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
                },
            };
            aggregations[MissingName(i)] = new JsonObject { ["missing"] = new JsonObject { ["field"] = field } };
        }

        return aggregations;
    }

    /// <summary>The facets' buckets in the database backend's shape: values in the attribute's type, null for "no value", at most <paramref name="buckets"/>.</summary>
    public static IReadOnlyList<FacetCounts> Parse(JsonElement body, IReadOnlyList<AttributeDefinition> facets, int buckets)
    {
        var result = new List<FacetCounts>(facets.Count);
        for (var i = 0; i < facets.Count; i++)
        {
            var attribute = facets[i];
            var counts = OpenSearchResponses.ParseTermsBuckets(body, Name(i))
                .Select(b => ((AttributeValue?)Value(attribute, b.Key), b.Count)).ToList();
            if (MissingCount(body, MissingName(i)) is > 0 and var missing)
            {
                // After the values with as many entities (OrderBy is stable), then cut to the bucket limit again.
                counts.Add((null, missing));
                counts = [.. counts.OrderByDescending(c => c.Count)];
            }

            result.Add(new FacetCounts(attribute.Key, [.. counts.Take(buckets)]));
        }

        return result;
    }

    private static AttributeValue Value(AttributeDefinition attribute, string key) => attribute.Type switch
    {
        // A boolean terms bucket's key is 1 or 0 (key_as_string "true"/"false").
        AttributeType.Bool => new BoolValue(key is "1" or "true"),
        _ => new TextValue(key),
    };

    private static long MissingCount(JsonElement body, string name) =>
        body.TryGetProperty("aggregations", out var aggregations) && aggregations.ValueKind == JsonValueKind.Object
        && aggregations.TryGetProperty(name, out var agg) && agg.TryGetProperty("doc_count", out var count) && count.ValueKind == JsonValueKind.Number
            ? count.GetInt64()
            : 0;

    private static string FieldOf(AttributeDefinition attribute) =>
        attribute is { Repeated: false, Type: AttributeType.String or AttributeType.Enum or AttributeType.Bool }
            ? OpenSearchFields.For(attribute)!
            : throw new SearchNotSupportedException("facets", $"{attribute.Path} is not a single-valued STRING, ENUM or BOOL attribute");
}
