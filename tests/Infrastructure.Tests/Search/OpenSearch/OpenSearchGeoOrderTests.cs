using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav;
using Platform.Domain.Search.Geo;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Geo filtering with distances, distance order and attribute order through the adapter: valid bodies, parsed hits.</summary>
public sealed class OpenSearchGeoOrderTests
{
    private static readonly AttributeDefinition Location = new() { Key = "location", Type = AttributeType.GeoPoint };
    private static readonly AttributeDefinition Stars = new() { Key = "stars", Type = AttributeType.Int64, Filterable = true, Sortable = true };
    private static readonly AttributeDefinition Price = new() { Key = "price", Type = AttributeType.Decimal, Filterable = true, Sortable = true };
    private static readonly AttributeDefinition Seen = new() { Key = "seen", Type = AttributeType.Timestamp, Sortable = true };

    // People's Square, Shanghai, 3 km.
    private static readonly GeoQuery Near = new(Location, new GeoCircle(31.2304, 121.4737, 3_000));

    private static (OpenSearchIndex Index, RecordingHandler Handler) Adapter(string searchResponse)
    {
        var handler = new RecordingHandler { ByPathSuffix = { ["/_search"] = searchResponse } };
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        return (new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options), handler);
    }

    private static JsonNode SentSearch(RecordingHandler handler)
    {
        var body = JsonNode.Parse(handler.Requests.Single(r => r.Path.Contains("/_search", StringComparison.Ordinal)).Body!)!;
        OpenSearchFixtures.AssertValidSearch(body);
        return body;
    }

    private static string Response(string hits, int total) => $$$"""
        {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":{{{total}}},"relation":"eq"},"max_score":null,"hits":[{{{hits}}}]}}
        """;

    [Fact]
    public void The_provider_declares_geo_range_facets_and_attribute_sort()
    {
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        var capabilities = new OpenSearchIndex(new HttpClient(), options).Capabilities;

        Assert.Equal(SearchCapabilities.All, capabilities);
    }

    [Fact]
    public async Task Distance_order_filters_by_the_circle_sorts_nearest_first_and_reads_each_distance()
    {
        var response = Response("""
            {"_index":"platform-entities","_id":"acme/book/bund","_score":1.2,"_source":{"entity_id":"bund"},"sort":[1882.3,"bund"]},
            {"_index":"platform-entities","_id":"acme/book/jingan","_score":0.8,"_source":{"entity_id":"jingan"},"sort":[2771.4,"jingan"]}
            """, 2);
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(response)!);
        var (index, handler) = Adapter(response);

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("coffee") with { Geo = Near, Order = SearchOrder.Distance },
            TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("bund", 1.2, 1882.3), new ScoredId("jingan", 0.8, 2771.4)], matches.Hits);
        Assert.Equal(2, matches.Total);
        var body = SentSearch(handler);
        Assert.Equal("""{"geo_distance":{"distance":"3000m","distance_type":"arc","validation_method":"strict","ignore_unmapped":true,"attrs.geo.location":{"lat":31.2304,"lon":121.4737}}}""",
            body["query"]!["bool"]!["filter"]![2]!.ToJsonString());
        var sort = body["sort"]!.AsArray();
        Assert.Equal(2, sort.Count);
        Assert.Equal("""{"attrs.geo.location":[{"lat":31.2304,"lon":121.4737}],"order":"asc","unit":"m","distance_type":"arc","mode":"min","ignore_unmapped":true}""",
            sort[0]!["_geo_distance"]!.ToJsonString());
        Assert.Equal("""{"entity_id":{"order":"asc"}}""", sort[1]!.ToJsonString());
    }

    [Fact]
    public async Task Relevance_order_with_geo_keeps_score_then_id_and_asks_for_the_distance_last()
    {
        var response = Response("""
            {"_index":"platform-entities","_id":"acme/book/jingan","_score":2.5,"_source":{"entity_id":"jingan"},"sort":[2.5,"jingan",2771.4]},
            {"_index":"platform-entities","_id":"acme/book/bund","_score":1.0,"_source":{"entity_id":"bund"},"sort":[1.0,"bund",1882.3]}
            """, 2);
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(response)!);
        var (index, handler) = Adapter(response);

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("coffee") with { Geo = Near }, TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("jingan", 2.5, 2771.4), new ScoredId("bund", 1.0, 1882.3)], matches.Hits);
        var sort = SentSearch(handler)["sort"]!.AsArray();
        Assert.Equal("""[{"_score":{"order":"desc"}},{"entity_id":{"order":"asc"}}]""", new JsonArray(sort[0]!.DeepClone(), sort[1]!.DeepClone()).ToJsonString());
        Assert.Equal("asc", sort[2]!["_geo_distance"]!["order"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_geo_there_is_no_geo_clause_no_distance_sort_and_no_distances()
    {
        var response = Response("""{"_index":"platform-entities","_id":"acme/book/b1","_score":1.5,"_source":{"entity_id":"b1"},"sort":[1.5,"b1"]}""", 1);
        var (index, handler) = Adapter(response);

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("dune"), TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("b1", 1.5)], matches.Hits);
        var body = SentSearch(handler);
        Assert.Equal(2, body["query"]!["bool"]!["filter"]!.AsArray().Count);
        Assert.Equal("""[{"_score":{"order":"desc"}},{"entity_id":{"order":"asc"}}]""", body["sort"]!.ToJsonString());
    }

    [Fact]
    public async Task Attribute_order_sorts_by_the_typed_fields_missing_as_largest_then_by_id_in_the_last_keys_direction()
    {
        var response = Response("""
            {"_index":"platform-entities","_id":"acme/book/jingan","_score":1.1,"_source":{"entity_id":"jingan"},"sort":[5,"p00000000000000000000000000028000000000000000000000000000000","jingan"]},
            {"_index":"platform-entities","_id":"acme/book/suzhou","_score":0.9,"_source":{"entity_id":"suzhou"},"sort":[4,"p00000000000000000000000000025000000000000000000000000000000","suzhou"]}
            """, 5);
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(response)!);
        var (index, handler) = Adapter(response);
        var order = new SearchOrder(false, [new SortKey(FilterField.For(Stars), Descending: true), new SortKey(FilterField.For(Price), Descending: false)]);

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("coffee") with { Order = order }, TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("jingan", 1.1), new ScoredId("suzhou", 0.9)], matches.Hits);
        Assert.Equal(5, matches.Total);
        Assert.Equal(
            """[{"attrs.long.stars":{"order":"desc","missing":"_first","unmapped_type":"long"}},""" +
            """{"attrs.decimal.price":{"order":"asc","missing":"_last","unmapped_type":"keyword"}},{"entity_id":{"order":"asc"}}]""",
            SentSearch(handler)["sort"]!.ToJsonString());
    }

    [Fact]
    public void Timestamps_sort_by_their_microsecond_longs_and_a_descending_last_key_turns_the_id_tiebreak()
    {
        var order = new SearchOrder(false, [new SortKey(FilterField.CreateTime, Descending: false), new SortKey(FilterField.For(Seen), Descending: true)]);
        var geoToo = OpenSearchFixtures.Query() with { Order = order, Geo = Near };

        var body = OpenSearchRequests.Search(geoToo);

        OpenSearchFixtures.AssertValidSearch(body);
        var sort = body["sort"]!.AsArray();
        Assert.Equal("""{"create_time_us":{"order":"asc","missing":"_last","unmapped_type":"long"}}""", sort[0]!.ToJsonString());
        Assert.Equal("""{"attrs.timestamp.seen":{"order":"desc","missing":"_first","unmapped_type":"long"}}""", sort[1]!.ToJsonString());
        Assert.Equal("""{"entity_id":{"order":"desc"}}""", sort[2]!.ToJsonString());
        // The distance is still asked for, after the unique id, so it reports without reordering.
        Assert.NotNull(sort[3]!["_geo_distance"]);
    }

    [Fact]
    public async Task A_hit_whose_sort_value_is_not_a_distance_gets_none()
    {
        var response = Response("""{"_index":"platform-entities","_id":"acme/book/x","_score":null,"_source":{"entity_id":"x"},"sort":["Infinity","x"]}""", 1);
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(response)!);
        var (index, _) = Adapter(response);

        var matches = await index.SearchAsync(OpenSearchFixtures.Query() with { Geo = Near, Order = SearchOrder.Distance }, TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("x", 0)], matches.Hits);
    }
}
