using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>The geo_distance filter and sort and the range aggregation, ready to be wired: valid bodies and parsed responses.</summary>
public sealed class OpenSearchGeoRangeTests
{
    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    [Fact]
    public void A_geo_distance_filter_and_sort_make_a_valid_search_body()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query("dune"));
        body["query"]!["bool"]!["filter"]!.AsArray().Add(OpenSearchGeoRange.GeoDistanceFilter("attrs.geo.where", 52.52, 13.405, 1500));
        body["sort"] = new JsonArray(OpenSearchGeoRange.GeoDistanceSort("attrs.geo.where", 52.52, 13.405, descending: false),
            new JsonObject { ["entity_id"] = new JsonObject { ["order"] = "asc" } });

        OpenSearchFixtures.AssertValidSearch(body);
        var filter = body["query"]!["bool"]!["filter"]![2]!["geo_distance"]!;
        Assert.Equal("1500m", filter["distance"]!.GetValue<string>());
        Assert.Equal(52.52, filter["attrs.geo.where"]!["lat"]!.GetValue<double>());
        Assert.Equal("asc", body["sort"]![0]!["_geo_distance"]!["order"]!.GetValue<string>());
    }

    [Fact]
    public void The_recorded_geo_distance_query_and_its_response_fit_what_the_helpers_write_and_read()
    {
        var chapter = Stories.Responses("tests/default/_core/search/query/geo_distance.yaml", "/_search").First();
        var recorded = chapter["request"]!["payload"]!["query"]!["geo_distance"]!;
        var ours = OpenSearchGeoRange.GeoDistanceFilter("location", 73.5, 40.5, 80467)["geo_distance"]!;

        Assert.Equal(recorded["location"]!.ToJsonString(), ours["location"]!.ToJsonString());
        Assert.Equal(recorded["distance_type"]!.GetValue<string>(), ours["distance_type"]!.GetValue<string>());
        var parsed = OpenSearchResponses.ParseSearch(Element(chapter["response"]!["payload"]!));
        Assert.Equal(1, parsed.Total);
        // No sort in that request, so no distance to read.
        Assert.Null(OpenSearchGeoRange.ParseSortDistance(Element(chapter["response"]!["payload"]!["hits"]!["hits"]![0]!), 0));
    }

    [Fact]
    public void The_sort_distance_is_read_from_the_hits_sort_values()
    {
        var response = JsonNode.Parse("""
            {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":null,
              "hits":[{"_index":"platform-entities","_id":"acme/shop/s1","_score":null,"sort":[1234.5,"s1"]},
                      {"_index":"platform-entities","_id":"acme/shop/s2","_score":null,"sort":["Infinity","s2"]}]}}
            """)!;
        OpenSearchFixtures.AssertValidSearchResponse(response);

        var hits = response["hits"]!["hits"]!.AsArray();

        Assert.Equal(1234.5, OpenSearchGeoRange.ParseSortDistance(Element(hits[0]!), 0));
        Assert.Null(OpenSearchGeoRange.ParseSortDistance(Element(hits[1]!), 0));
        Assert.Null(OpenSearchGeoRange.ParseSortDistance(Element(hits[0]!), 5));
    }

    [Fact]
    public void A_range_aggregation_is_valid_with_open_and_closed_ranges()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query("dune"));
        body["aggregations"] = new JsonObject
        {
            ["price"] = OpenSearchGeoRange.RangeAggregation("attrs.double.price",
                [new OpenSearchRange("cheap", null, 10), new OpenSearchRange("mid", 10, 50), new OpenSearchRange("dear", 50, null)]),
        };

        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal("""{"range":{"field":"attrs.double.price","ranges":[{"key":"cheap","to":10},{"key":"mid","from":10,"to":50},{"key":"dear","from":50}]}}""",
            body["aggregations"]!["price"]!.ToJsonString());
    }

    [Fact]
    public void The_recorded_range_aggregation_request_is_valid_and_its_response_parses()
    {
        var chapter = Stories.Responses("tests/default/_core/search/aggregations/range.yaml", "/_search").First();
        OpenSearchFixtures.AssertValidSearch(chapter["request"]!["payload"]!);

        var buckets = OpenSearchGeoRange.ParseRangeBuckets(Element(chapter["response"]!["payload"]!), "20th_century",
            [new OpenSearchRange("20th", 1900, 2000)]);

        Assert.Equal([new OpenSearchRangeBucket("20th", 1900, 2000, 2)], buckets);
        Assert.Empty(OpenSearchGeoRange.ParseRangeBuckets(Element(chapter["response"]!["payload"]!), "absent"));
    }

    [Fact]
    public void Keyed_range_buckets_keep_their_keys_and_open_ends()
    {
        var response = JsonNode.Parse("""
            {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":7,"relation":"eq"},"max_score":null,"hits":[]},
             "aggregations":{"price":{"buckets":[{"key":"cheap","to":10.0,"doc_count":4},{"key":"dear","from":50.0,"doc_count":3}]}}}
            """)!;
        OpenSearchFixtures.AssertValidSearchResponse(response);

        var buckets = OpenSearchGeoRange.ParseRangeBuckets(Element(response), "price");

        Assert.Equal([new OpenSearchRangeBucket("cheap", null, 10, 4), new OpenSearchRangeBucket("dear", 50, null, 3)], buckets);
    }
}
