using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Range facets as range or filters aggregations: valid bodies, buckets in the database backend's shape.</summary>
public sealed class OpenSearchRangeFacetTests
{
    private static readonly AttributeDefinition Stars = new() { Key = "stars", Type = AttributeType.Int64, Filterable = true };
    private static readonly AttributeDefinition Price = new() { Key = "price", Type = AttributeType.Decimal, Filterable = true };
    private static readonly AttributeDefinition Opened = new() { Key = "opened", Type = AttributeType.Date, Filterable = true };
    private static readonly AttributeDefinition Seen = new() { Key = "seen", Type = AttributeType.Timestamp, Filterable = true };

    private static readonly RangeFacetQuery PriceFacet = new(Price, [new DecimalValue(10m), new DecimalValue(30m), new DecimalValue(40.00m)]);
    private static readonly RangeFacetQuery OpenedFacet = new(Opened, [new DateValue(new DateOnly(2020, 1, 1))]);
    private static readonly RangeFacetQuery StarsFacet = new(Stars, [new Int64Value(3), new Int64Value(5)]);

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    /// <summary>Price as a filters aggregation (anonymous buckets in filter order), opened and stars as keyed range buckets, one of them empty.</summary>
    private const string RangedResponse = """
        {"took":4,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":8,"relation":"eq"},"max_score":1.3,
          "hits":[{"_index":"platform-entities","_id":"acme/book/bund","_score":1.3,"_source":{"entity_id":"bund"},"sort":[1.3,"bund"]}]},
         "aggregations":{
          "range_0":{"buckets":[{"doc_count":2},{"doc_count":3},{"doc_count":2},{"doc_count":1}]},
          "range_1":{"buckets":[{"key":"0","to":1577836800000.0,"to_as_string":"2020-01-01","doc_count":3},
                                {"key":"1","from":1577836800000.0,"from_as_string":"2020-01-01","doc_count":4}]},
          "range_2":{"buckets":[{"key":"0","to":3.0,"doc_count":0},{"key":"1","from":3.0,"to":5.0,"doc_count":5},{"key":"2","from":5.0,"doc_count":2}]}}}
        """;

    [Fact]
    public void Decimal_buckets_are_exact_keyword_ranges_in_a_filters_aggregation()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query("coffee") with { RangeFacets = [PriceFacet] });

        OpenSearchFixtures.AssertValidSearch(body);
        var filters = body["aggregations"]!["range_0"]!["filters"]!["filters"]!.AsArray();
        Assert.Equal(4, filters.Count);
        Assert.Equal($$$$"""{"range":{"attrs.decimal.price":{"lt":"{{{{OpenSearchFields.SortableDecimal(10m)}}}}"}}}""", filters[0]!.ToJsonString());
        Assert.Equal($$$$"""{"range":{"attrs.decimal.price":{"gte":"{{{{OpenSearchFields.SortableDecimal(10m)}}}}","lt":"{{{{OpenSearchFields.SortableDecimal(30m)}}}}"}}}""",
            filters[1]!.ToJsonString());
        // 40.00 and 40 are one boundary.
        Assert.Equal($$$$"""{"range":{"attrs.decimal.price":{"gte":"{{{{OpenSearchFields.SortableDecimal(40m)}}}}"}}}""", filters[3]!.ToJsonString());
    }

    [Fact]
    public void Integers_and_dates_are_range_aggregations_with_open_ends()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query() with { RangeFacets = [StarsFacet, OpenedFacet] });

        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal("""{"range":{"field":"attrs.long.stars","ranges":[{"key":"0","to":3},{"key":"1","from":3,"to":5},{"key":"2","from":5}]}}""",
            body["aggregations"]!["range_0"]!.ToJsonString());
        // Dates compare as epoch milliseconds of midnight UTC.
        Assert.Equal("""{"range":{"field":"attrs.date.opened","ranges":[{"key":"0","to":1577836800000},{"key":"1","from":1577836800000}]}}""",
            body["aggregations"]!["range_1"]!.ToJsonString());
    }

    [Fact]
    public void Boundaries_a_double_cannot_hold_exactly_fall_back_to_exact_range_queries()
    {
        var big = new RangeFacetQuery(Stars, [new Int64Value(0), new Int64Value((1L << 53) + 1)]);
        var seen = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var near = new RangeFacetQuery(Seen, [new TimestampValue(seen)]);
        var far = new RangeFacetQuery(Seen, [new TimestampValue(new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc))]);

        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query() with { RangeFacets = [big, near, far] });

        OpenSearchFixtures.AssertValidSearch(body);
        var aggregations = body["aggregations"]!;
        Assert.Equal("""{"range":{"attrs.long.stars":{"gte":0,"lt":9007199254740993}}}""", aggregations["range_0"]!["filters"]!["filters"]![1]!.ToJsonString());
        var micros = OpenSearchFields.Microseconds(seen);
        Assert.Equal($$$$"""{"range":{"field":"attrs.timestamp.seen","ranges":[{"key":"0","to":{{{{micros}}}}},{"key":"1","from":{{{{micros}}}}}]}}""",
            aggregations["range_1"]!.ToJsonString());
        Assert.NotNull(aggregations["range_2"]!["filters"]);
    }

    [Fact]
    public void Without_boundaries_the_one_bucket_counts_every_match_with_a_value()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query() with { RangeFacets = [new RangeFacetQuery(Price, [])] });

        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal("""{"filters":{"filters":[{"exists":{"field":"attrs.decimal.price"}}]}}""", body["aggregations"]!["range_0"]!.ToJsonString());
    }

    [Fact]
    public async Task A_range_faceted_search_through_the_adapter_counts_every_bucket_in_request_order()
    {
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(RangedResponse)!);
        var handler = new RecordingHandler { ByPathSuffix = { ["/_search"] = RangedResponse } };
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        var index = new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options);

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("coffee") with { Limit = 1, RangeFacets = [PriceFacet, OpenedFacet, StarsFacet] },
            TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("bund", 1.3)], matches.Hits);
        Assert.Equal(8, matches.Total);
        var ranges = matches.Ranges!;
        Assert.Equal([PriceFacet, OpenedFacet, StarsFacet], ranges.Select(r => r.Facet));
        Assert.Equal([2L, 3L, 2L, 1L], ranges[0].Counts);
        Assert.Equal([3L, 4L], ranges[1].Counts);
        Assert.Equal([0L, 5L, 2L], ranges[2].Counts);
        var body = JsonNode.Parse(handler.Requests.Single(r => r.Path.Contains("/_search", StringComparison.Ordinal)).Body!)!;
        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal(["range_0", "range_1", "range_2"], body["aggregations"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_bucket_absent_from_the_answer_counts_zero_and_the_recorded_range_response_parses()
    {
        var payload = Stories.Responses("tests/default/_core/search/aggregations/range.yaml", "/_search").First()["response"]!["payload"]!;
        var renamed = new JsonObject { ["aggregations"] = new JsonObject { ["range_0"] = payload["aggregations"]!["20th_century"]!.DeepClone() } };
        var years = new RangeFacetQuery(Stars, [new Int64Value(1900)]);

        var counts = Assert.Single(OpenSearchRangeFacets.Parse(Element(renamed), [years])).Counts;

        // The recorded bucket has no key, so it is the first; the second was not answered.
        Assert.Equal([2L, 0L], counts);
    }

    [Fact]
    public void A_range_facet_on_a_repeated_or_untyped_attribute_is_refused()
    {
        var tags = new AttributeDefinition { Key = "tags", Type = AttributeType.Int64, Repeated = true, Filterable = true };

        var error = Assert.Throws<SearchNotSupportedException>(() =>
            OpenSearchRequests.Search(OpenSearchFixtures.Query() with { RangeFacets = [new RangeFacetQuery(tags, [new Int64Value(1)])] }));

        Assert.Equal("range_facets", error.Field);
    }
}
