using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Entities;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Domain.Search.Geo;

namespace Platform.Application.Search;

/// <summary>A geo filter as asked: an attribute key and a circle (checked by <see cref="GeoCircle.Check"/>).</summary>
public sealed record GeoArgs(string Attribute, double Latitude, double Longitude, double RadiusMeters)
{
    public GeoCircle Circle => new(Latitude, Longitude, RadiusMeters);
}

/// <summary>A range facet as asked: an attribute key and its boundaries as text.</summary>
public sealed record RangeFacetArgs(string Attribute, IReadOnlyList<string> Boundaries);

/// <summary>
/// Binds the optional parts of a search (geo, order_by, range facets, read_mask) to the entity
/// type, each failure a field violation, and checks the backend can serve them.
/// </summary>
internal static class SearchOptions
{
    public const int MaxRangeFacets = 3;
    public const int MaxBoundaries = 20;

    public const string Relevance = "relevance";
    public const string Distance = "distance";

    /// <summary>The order_by keyword, if it is one (case and spacing as ListEntities accepts).</summary>
    private static string Normalized(string? orderBy) => string.Join(' ', (orderBy ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static bool IsRelevance(string? orderBy) => Normalized(orderBy) is "" or Relevance or "relevance desc";

    public static bool IsDistance(string? orderBy) => Normalized(orderBy) is Distance or "distance asc";

    /// <summary>FAILED_PRECONDITION naming the first feature the request needs that the backend lacks; null when it can serve it all.</summary>
    public static Error? Unsupported(SearchEntitiesQuery query, SearchCapabilities can)
    {
        var missing = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Filter) && !can.Filters)
        {
            missing.Add("filter");
        }

        if (query.Facets.Count > 0 && !query.AcrossTypes && !can.Facets)
        {
            missing.Add("facets");
        }

        if (query.Ranges.Count > 0 && !can.RangeFacets)
        {
            missing.Add("range_facets");
        }

        if ((query.Geo is not null || IsDistance(query.OrderBy)) && !can.Geo)
        {
            missing.Add("geo");
        }

        if (!IsRelevance(query.OrderBy) && !IsDistance(query.OrderBy) && !can.AttributeSort)
        {
            missing.Add("order_by");
        }

        return missing.Count == 0 ? null : Error.InvalidState("search backend", "unsupported:" + string.Join(',', missing),
            $"The configured search backend does not support {string.Join(", ", missing)}; use the database search provider or leave them out.");
    }

    public static Result<GeoQuery?> Geo(GeoArgs? geo, EntityType type)
    {
        if (geo is null)
        {
            return Result<GeoQuery?>.Success(null);
        }

        var key = geo.Attribute.StartsWith("attributes.", StringComparison.Ordinal) ? geo.Attribute["attributes.".Length..] : geo.Attribute;
        if (type.FindAttribute(key) is not { Type: AttributeType.GeoPoint } attribute)
        {
            return Error.Validation("geo.attribute", $"'{geo.Attribute}' is not a GEO_POINT attribute of {type.ResourceName}");
        }

        return new GeoQuery(attribute, geo.Circle);
    }

    /// <summary>Null for relevance; distance needs a geo filter; anything else is a ListEntities order_by.</summary>
    public static Result<SearchOrder?> Order(string? orderBy, bool hasGeo, EntityType type)
    {
        if (IsRelevance(orderBy))
        {
            return Result<SearchOrder?>.Success(null);
        }

        if (IsDistance(orderBy))
        {
            return hasGeo ? SearchOrder.Distance : Error.Validation("order_by", "'distance' needs a geo filter to measure from");
        }

        if (Normalized(orderBy).StartsWith(Distance, StringComparison.Ordinal))
        {
            return Error.Validation("order_by", "distance sorts nearest first only ('distance' or 'distance asc')");
        }

        if (!OrderByParser.Parse(orderBy, type).TryGetValue(out var keys, out var error))
        {
            return error;
        }

        return new SearchOrder(false, keys);
    }

    public static Result<IReadOnlyList<RangeFacetQuery>> RangeFacets(IReadOnlyList<RangeFacetArgs> facets, EntityType type)
    {
        var v = new Validation();
        var bound = new List<RangeFacetQuery>();
        for (var i = 0; i < facets.Count; i++)
        {
            var field = $"range_facets[{i}]";
            var key = facets[i].Attribute.StartsWith("attributes.", StringComparison.Ordinal) ? facets[i].Attribute["attributes.".Length..] : facets[i].Attribute;
            if (type.FindAttribute(key) is not { Filterable: true, Repeated: false, Type: AttributeType.Int64 or AttributeType.Decimal or AttributeType.Date or AttributeType.Timestamp } attribute)
            {
                v.Add($"{field}.attribute", $"'{facets[i].Attribute}' is not a filterable single-valued INT64, DECIMAL, DATE or TIMESTAMP attribute of {type.ResourceName}");
                continue;
            }

            var values = new List<AttributeValue>();
            for (var j = 0; j < facets[i].Boundaries.Count; j++)
            {
                var text = facets[i].Boundaries[j].Trim();
                var parsed = AttributeValueText.Parse(attribute.Type, text);
                var value = parsed is null ? null : AttributeValueRules.Represent(attribute.Type, parsed, out _);
                if (value is null)
                {
                    v.Add($"{field}.boundaries[{j}]", $"'{text}' is not a {attribute.Type.WireName()} value");
                }
                else if (values.Count > 0 && AttributeValueComparer.Instance.Compare(values[^1], value) >= 0)
                {
                    v.Add($"{field}.boundaries[{j}]", "boundaries must be strictly ascending");
                }
                else
                {
                    values.Add(value);
                    continue;
                }

                break;
            }

            if (values.Count == facets[i].Boundaries.Count)
            {
                bound.Add(new RangeFacetQuery(attribute, values));
            }
        }

        return v.ToError() is { } e ? e : bound;
    }

    public static Result<IReadOnlySet<string>?> Mask(IReadOnlyList<string> paths, EntityType type) => EntityQueries.Mask(paths, type);
}
