using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Responses recorded in the specification's test stories, read by the adapter's parsers.</summary>
public sealed class OpenSearchResponseTests
{
    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    [Fact]
    public void A_recorded_search_response_gives_its_hits_and_total()
    {
        var chapter = Stories.Responses("tests/default/_core/search/_source.yaml", "/_search").First();

        var parsed = OpenSearchResponses.ParseSearch(Element(chapter["response"]!["payload"]!));

        Assert.Equal(1, parsed.Total);
        Assert.Equal("eq", parsed.TotalRelation);
        var hit = Assert.Single(parsed.Hits);
        Assert.Equal(1d, hit.Score);
        Assert.Null(hit.EntityId);
    }

    [Fact]
    public void Recorded_msearch_responses_give_their_ids_in_order()
    {
        var chapter = Stories.Responses("tests/default/_core/msearch.yaml", "/_msearch").First();
        var second = chapter["response"]!["payload"]!["responses"]![1]!;

        var parsed = OpenSearchResponses.ParseSearch(Element(second));

        Assert.Equal(2, parsed.Total);
        Assert.Equal(["movie1", "movie2"], parsed.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_recorded_terms_aggregation_gives_its_buckets_in_order()
    {
        var chapter = Stories.Responses("tests/default/_core/search/aggregations/terms_order.yaml", "/_search").First();

        var buckets = OpenSearchResponses.ParseTermsBuckets(Element(chapter["response"]!["payload"]!), "categories");

        Assert.Equal([("books", 4L), ("electronics", 3L), ("clothing", 2L)], buckets);
    }

    [Fact]
    public void A_recorded_bulk_response_without_errors_passes_even_with_a_delete_that_found_nothing()
    {
        var chapter = Stories.Responses("tests/default/_core/bulk.yaml", "/_bulk").First();

        OpenSearchResponses.EnsureBulkSucceeded(Element(chapter["response"]!["payload"]!));
    }

    [Fact]
    public void A_bulk_response_with_a_failed_item_throws_naming_the_first_failure()
    {
        // The recorded response, turned into a failing one; still a valid bulk@200 body per the spec.
        var payload = Stories.Responses("tests/default/_core/bulk.yaml", "/_bulk").First()["response"]!["payload"]!.DeepClone().AsObject();
        payload["errors"] = true;
        payload["took"] = 3;
        payload["items"]!.AsArray().Add(JsonNode.Parse("""
            {"index":{"_index":"platform-entities","_id":"acme/book/b1","status":400,
              "error":{"type":"mapper_parsing_exception","reason":"failed to parse field [terms]"}}}
            """));
        Assert.Empty(SpecSchema.Instance.Validate(payload, SpecSchema.Instance.Response("_core.yaml", "bulk@200")));

        var error = Assert.Throws<OpenSearchException>(() => OpenSearchResponses.EnsureBulkSucceeded(Element(payload)));

        Assert.Contains("1 _bulk item(s) failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("index acme/book/b1 (status 400) mapper_parsing_exception: failed to parse field [terms]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spec_search_response_schema_accepts_the_shape_the_adapter_reads()
    {
        var payload = JsonNode.Parse(OpenSearchIndexTests.OwnSearchResponse)!;

        Assert.Empty(SpecSchema.Instance.Validate(payload, SpecSchema.Instance.Response("_core.yaml", "search@200")));
    }
}
