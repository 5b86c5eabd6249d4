using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// The <c>sort</c> of a type's search, reproducing the database backend's ORDER BY:
/// <list type="bullet">
/// <item>relevance: <c>_score</c> desc, entity id asc (the id alone when there are no terms, as every score is 0);</item>
/// <item>distance: <c>_geo_distance</c> asc (nearest first), entity id asc;</item>
/// <item>attribute keys: each typed field (decimals by their order-preserving keyword, timestamps by their microsecond
/// long), missing values last ascending and first descending (<see cref="SortKey"/>), then the entity id in the last
/// key's direction (<see cref="EntityOrdering.IdDescending"/>).</item>
/// </list>
/// With a geo filter the distance is always requested: as the primary sort for distance order, otherwise as a trailing
/// sort after the unique entity id (so it never changes the order) whose value OpenSearch still reports in each hit's
/// <c>sort</c> array; <see cref="OpenSearchSort.DistanceAt"/> says where. No script is needed either way.
/// </summary>
internal static class OpenSearchOrder
{
    public static OpenSearchSort Sort(SearchQuery query)
    {
        var sort = new JsonArray();
        int? distanceAt = null;
        switch (query.Order)
        {
            case { ByDistance: true }:
                var geo = query.Geo ?? throw new SearchNotSupportedException("order_by", "distance order needs a geo filter");
                sort.Add(Distance(geo));
                distanceAt = 0;
                sort.Add(Field(OpenSearchRequests.EntityField, descending: false));
                break;
            case { Keys: { Count: > 0 } keys }:
                foreach (var key in keys)
                {
                    sort.Add(Key(key));
                }

                sort.Add(Field(OpenSearchRequests.EntityField, EntityOrdering.IdDescending(keys)));
                break;
            default:
                sort.Add(new JsonObject { ["_score"] = new JsonObject { ["order"] = "desc" } });
                sort.Add(Field(OpenSearchRequests.EntityField, descending: false));
                break;
        }

        if (distanceAt is null && query.Geo is { } near)
        {
            distanceAt = sort.Count;
            sort.Add(Distance(near));
        }

        return new OpenSearchSort(sort, distanceAt);
    }

    private static JsonObject Distance(GeoQuery geo) =>
        OpenSearchGeoRange.GeoDistanceSort(OpenSearchGeoRange.GeoField(geo.Attribute), geo.Circle.Latitude, geo.Circle.Longitude, descending: false);

    /// <summary>
    /// One order_by key. <c>unmapped_type</c> lets a key no document of the shared index has carried yet sort as all
    /// missing instead of failing the search.
    /// </summary>
    private static JsonObject Key(SortKey key)
    {
        var (field, unmapped) = key.Field switch
        {
            { Attribute: { } attribute } => (OpenSearchFields.For(attribute)
                    ?? throw new SearchNotSupportedException("order_by", $"{attribute.Path} ({attribute.Type}) is not carried in OpenSearch documents"),
                MappedType(attribute.Type)),
            { SystemField: Domain.Eav.SystemFields.CreateTime } => (OpenSearchFields.CreateTimeField, "long"),
            _ => (OpenSearchFields.UpdateTimeField, "long"),
        };
        return new JsonObject
        {
            [field] = new JsonObject
            {
                ["order"] = key.Descending ? "desc" : "asc",
                // Missing sorts as larger than any value, as ListEntities does.
                ["missing"] = key.Descending ? "_first" : "_last",
                ["unmapped_type"] = unmapped,
            },
        };
    }

    /// <summary>The field type the index template's dynamic templates give the kind (<see cref="OpenSearchRequests.IndexTemplate"/>).</summary>
    private static string MappedType(AttributeType type) => type switch
    {
        AttributeType.Int64 or AttributeType.Timestamp => "long",
        AttributeType.Date => "date",
        AttributeType.Bool => "boolean",
        AttributeType.GeoPoint => "geo_point",
        // STRING, ENUM, REFERENCE and DECIMAL (its order-preserving text).
        _ => "keyword",
    };

    private static JsonObject Field(string field, bool descending) =>
        new() { [field] = new JsonObject { ["order"] = descending ? "desc" : "asc" } };
}

/// <param name="DistanceAt">The position of the <c>_geo_distance</c> value in each hit's <c>sort</c> array, when requested.</param>
internal sealed record OpenSearchSort(JsonArray Sort, int? DistanceAt);
