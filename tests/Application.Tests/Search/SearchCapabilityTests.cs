using Platform.Application.Abstractions.Search;
using Platform.Application.Search;
using Platform.Domain.Common;

namespace Platform.Application.Tests.Search;

/// <summary>A request needing what the backend cannot do is refused up front (FAILED_PRECONDITION), never answered partially.</summary>
public sealed class SearchCapabilityTests
{
    private const string Parent = "tenants/acme/entityTypes/shop";

    // A backend that can only match terms (a minimal provider); the database and OpenSearch providers state every capability.
    private static readonly SearchCapabilities MatchingOnly = new(Filters: false, Facets: false, RangeFacets: false, Geo: false, AttributeSort: false,
        Fuzzy: false, Completions: false);

    private static SearchEntitiesQuery Query(string? filter = null, string[]? facets = null, GeoArgs? geo = null, string? orderBy = null,
        RangeFacetArgs[]? ranges = null) =>
        new(Parent, "coffee", filter, 0, null, facets ?? [], Geo: geo, OrderBy: orderBy, RangeFacets: ranges);

    private static readonly GeoArgs NearPeoplesSquare = new("location", 31.2304, 121.4737, 1000);

    [Fact]
    public void A_plain_query_needs_nothing_beyond_matching()
    {
        Assert.Null(SearchOptions.Unsupported(Query(), MatchingOnly));
        Assert.Null(SearchOptions.Unsupported(Query(orderBy: "relevance"), MatchingOnly));
    }

    [Theory]
    [InlineData("geo")]
    [InlineData("order_by")]
    [InlineData("range_facets")]
    [InlineData("filter")]
    [InlineData("facets")]
    public void Each_missing_capability_is_a_failed_precondition_naming_it(string feature)
    {
        var query = feature switch
        {
            "geo" => Query(geo: NearPeoplesSquare),
            "order_by" => Query(orderBy: "attributes.price desc"),
            "range_facets" => Query(ranges: [new RangeFacetArgs("price", ["10"])]),
            "filter" => Query(filter: "attributes.stars > 3"),
            _ => Query(facets: ["lang"]),
        };

        var error = SearchOptions.Unsupported(query, MatchingOnly);
        Assert.NotNull(error);
        Assert.Equal(ErrorKind.PreconditionFailed, error.Kind);
        Assert.Contains(feature, error.Message, StringComparison.Ordinal);
        Assert.Null(SearchOptions.Unsupported(query, SearchCapabilities.All));
    }

    [Fact]
    public void Distance_order_needs_geo_and_everything_missing_is_listed()
    {
        Assert.Contains("geo", SearchOptions.Unsupported(Query(orderBy: "distance"), MatchingOnly)!.Message, StringComparison.Ordinal);
        var error = SearchOptions.Unsupported(Query(filter: "attributes.stars > 3", geo: NearPeoplesSquare, orderBy: "attributes.price"),
            MatchingOnly with { Filters = true });
        Assert.Equal("unsupported:geo,order_by", error!.Metadata["state"]);
    }
}
