using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Facets as terms + missing aggregations, and a filtered, faceted search through the adapter.</summary>
public sealed class OpenSearchFacetTests
{
    private static readonly AttributeDefinition Genre = new() { Key = "genre", Type = AttributeType.Enum, Filterable = true };
    private static readonly AttributeDefinition Active = new() { Key = "active", Type = AttributeType.Bool, Filterable = true };

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    /// <summary>A faceted answer: genre (two values, 3 without), active (a boolean terms aggregation: keys 1/0).</summary>
    private const string FacetedResponse = """
        {"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":9,"relation":"eq"},"max_score":1.5,
          "hits":[{"_index":"platform-entities","_id":"acme/book/b1","_score":1.5,"_source":{"entity_id":"b1"}}]},
         "aggregations":{
          "facet_0":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"scifi","doc_count":3},{"key":"fantasy","doc_count":3}]},
          "facet_0_missing":{"doc_count":3},
          "facet_1":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
           "buckets":[{"key":1,"key_as_string":"true","doc_count":5},{"key":0,"key_as_string":"false","doc_count":4}]},
          "facet_1_missing":{"doc_count":0}}}
        """;

    [Fact]
    public void Each_facet_is_a_terms_aggregation_most_frequent_first_with_a_missing_count()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query("dune") with { Facets = [Genre, Active], FacetBuckets = 20 });

        OpenSearchFixtures.AssertValidSearch(body);
        var aggregations = body["aggregations"]!;
        Assert.Equal("""{"terms":{"field":"attrs.keyword.genre","size":20,"order":[{"_count":"desc"},{"_key":"asc"}]}}""", aggregations["facet_0"]!.ToJsonString());
        Assert.Equal("""{"missing":{"field":"attrs.keyword.genre"}}""", aggregations["facet_0_missing"]!.ToJsonString());
        Assert.Equal("attrs.bool.active", aggregations["facet_1"]!["terms"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public void Facet_buckets_come_back_typed_with_the_missing_bucket_after_equal_counts_and_cut_to_the_limit()
    {
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(FacetedResponse)!);

        var facets = OpenSearchFacets.Parse(JsonDocument.Parse(FacetedResponse).RootElement, [Genre, Active], 2);

        Assert.Equal("genre", facets[0].Attribute);
        Assert.Equal([(new TextValue("scifi"), 3L), (new TextValue("fantasy"), 3L)], facets[0].Buckets);
        Assert.Equal([(new BoolValue(true), 5L), (new BoolValue(false), 4L)], facets[1].Buckets);

        var roomy = OpenSearchFacets.Parse(JsonDocument.Parse(FacetedResponse).RootElement, [Genre, Active], 20);
        Assert.Equal([(new TextValue("scifi"), 3L), (new TextValue("fantasy"), 3L), (null, 3L)], roomy[0].Buckets);
    }

    [Fact]
    public void A_recorded_terms_aggregation_parses_as_a_facet()
    {
        var payload = Stories.Responses("tests/default/_core/search/aggregations/terms_order.yaml", "/_search").First()["response"]!["payload"]!;
        var renamed = new JsonObject { ["aggregations"] = new JsonObject { ["facet_0"] = payload["aggregations"]!["categories"]!.DeepClone() } };

        var facet = Assert.Single(OpenSearchFacets.Parse(Element(renamed), [Genre], 20));

        Assert.Equal([(new TextValue("books"), 4L), (new TextValue("electronics"), 3L), (new TextValue("clothing"), 2L)], facet.Buckets);
    }

    [Fact]
    public void A_facet_on_anything_but_a_single_string_enum_or_bool_is_refused()
    {
        var pages = new AttributeDefinition { Key = "pages", Type = AttributeType.Int64, Filterable = true };

        var error = Assert.Throws<SearchNotSupportedException>(() =>
            OpenSearchRequests.Search(OpenSearchFixtures.Query("dune") with { Facets = [pages], FacetBuckets = 20 }));

        Assert.Equal("facets", error.Field);
    }

    [Fact]
    public async Task A_filtered_faceted_search_sends_one_valid_body_and_maps_hits_and_facets()
    {
        var handler = new RecordingHandler { ByPathSuffix = { ["/_search"] = FacetedResponse } };
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        var index = new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options);
        var query = OpenSearchFixtures.Query("dune") with
        {
            Filter = new BoundComparison(FilterField.For(Active), CompareOp.Equal, new BoolValue(true)),
            Facets = [Genre],
            FacetBuckets = 20,
        };

        var matches = await index.SearchAsync(query, TestContext.Current.CancellationToken);

        Assert.Equal([new ScoredId("b1", 1.5)], matches.Hits);
        Assert.Equal(9, matches.Total);
        Assert.Equal([(new TextValue("scifi"), 3L), (new TextValue("fantasy"), 3L), (null, 3L)], Assert.Single(matches.Facets).Buckets);
        var search = handler.Requests.Single(r => r.Path.Contains("/_search", StringComparison.Ordinal));
        var body = JsonNode.Parse(search.Body!)!;
        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal("""{"term":{"attrs.bool.active":{"value":true}}}""", body["query"]!["bool"]!["filter"]![2]!.ToJsonString());
    }

    [Fact]
    public async Task A_refused_filter_sends_nothing()
    {
        var handler = new RecordingHandler();
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        var index = new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options);
        var blurb = new AttributeDefinition { Key = "blurb", Type = AttributeType.Text, Filterable = true };

        await Assert.ThrowsAsync<SearchNotSupportedException>(() => index.SearchAsync(
            OpenSearchFixtures.Query("dune") with { Filter = new BoundSubstring(blurb, "sand") }, TestContext.Current.CancellationToken));

        Assert.Empty(handler.Requests);
    }
}
