using System.Net;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>The adapter end to end against a recording HTTP handler (no cluster runs here).</summary>
public sealed class OpenSearchIndexTests
{
    /// <summary>A _search answer in the adapter's own document shape (validated against search@200 in <see cref="OpenSearchResponseTests"/>).</summary>
    public const string OwnSearchResponse = """
        {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":42,"relation":"eq"},"max_score":2.5,
          "hits":[
           {"_index":"platform-entities","_id":"acme/book/b7","_score":2.5,"_routing":"acme","_source":{"entity_id":"b7","type_id":"book"}},
           {"_index":"platform-entities","_id":"acme/book/b3","_score":1.25,"_routing":"acme","_source":{"entity_id":"b3","type_id":"book"}}]},
         "aggregations":{"types":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
          "buckets":[{"key":"book","doc_count":40},{"key":"author","doc_count":2}]}}}
        """;

    private static (OpenSearchIndex Index, RecordingHandler Handler) Create(string? user = null, string? password = null)
    {
        var handler = new RecordingHandler();
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/"), Username = user, Password = password };
        return (new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options), handler);
    }

    [Fact]
    public async Task Replace_puts_the_template_once_then_sends_the_bulk_ndjson()
    {
        var (index, handler) = Create();

        // Numbers only: no typo or completion lookup fields, so the whole line can be compared.
        await index.ReplaceAsync("acme", "book", [new SearchDocument("b1", "1965 42")], ["b0"], TestContext.Current.CancellationToken);
        await index.ReplaceAsync("acme", "book", [], ["b1"], TestContext.Current.CancellationToken);

        Assert.Equal(["PUT /_index_template/platform-entities-template", "POST /_bulk", "POST /_bulk"],
            handler.Requests.Select(r => $"{r.Method} {r.Path}"));
        var bulk = handler.Requests[1];
        Assert.Equal("application/x-ndjson", bulk.ContentType);
        Assert.Equal(
            """{"delete":{"_index":"platform-entities","_id":"acme/book/b0","routing":"acme"}}""" + "\n" +
            """{"index":{"_index":"platform-entities","_id":"acme/book/b1","routing":"acme"}}""" + "\n" +
            """{"tenant_id":"acme","type_id":"book","entity_id":"b1","terms":"1965 42"}""" + "\n",
            bulk.Body);
        Assert.Empty(SpecSchema.Instance.Validate(OpenSearchFixtures.Lines(bulk.Body!),
            SpecSchema.Instance.RequestBody("_core.yaml", "bulk", "application/x-ndjson")));
        Assert.Empty(SpecSchema.Instance.Validate(JsonNode.Parse(handler.Requests[0].Body!),
            SpecSchema.Instance.RequestBody("indices.yaml", "indices.put_index_template", "application/json")));
        Assert.All(handler.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task Replace_with_nothing_to_do_sends_nothing()
    {
        var (index, handler) = Create();

        await index.ReplaceAsync("acme", "book", [], [], TestContext.Current.CancellationToken);

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Replace_throws_when_an_item_failed_so_the_outbox_retries()
    {
        var (index, handler) = Create();
        handler.ByPathSuffix["/_bulk"] = """
            {"took":1,"errors":true,"items":[{"index":{"_index":"platform-entities","_id":"acme/book/b1","status":429,
              "error":{"type":"es_rejected_execution_exception","reason":"rejected execution"}}}]}
            """;

        var error = await Assert.ThrowsAsync<OpenSearchException>(() =>
            index.ReplaceAsync("acme", "book", [new SearchDocument("b1", "x")], [], TestContext.Current.CancellationToken));

        Assert.Contains("es_rejected_execution_exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_throws_with_the_error_type_and_never_the_password()
    {
        var (index, handler) = Create("svc", "s3cret-pw");
        handler.Answers.Enqueue((HttpStatusCode.Unauthorized,
            """{"error":{"type":"security_exception","reason":"missing authentication credentials"},"status":401}"""));

        var error = await Assert.ThrowsAsync<OpenSearchException>(() =>
            index.ReplaceAsync("acme", "book", [new SearchDocument("b1", "x")], [], TestContext.Current.CancellationToken));

        Assert.Contains("HTTP 401: security_exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
        Assert.Equal("Basic c3ZjOnMzY3JldC1wdw==", handler.Requests[0].Authorization);
    }

    [Fact]
    public async Task Search_goes_through_the_tenant_alias_and_maps_hits_and_total()
    {
        var (index, handler) = Create();
        handler.ByPathSuffix["/_search"] = OwnSearchResponse;

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("dune"), TestContext.Current.CancellationToken);

        Assert.Equal(42, matches.Total);
        Assert.Equal([new ScoredId("b7", 2.5), new ScoredId("b3", 1.25)], matches.Hits);
        Assert.Empty(matches.Facets);
        var search = handler.Requests.Single(r => r.Path.Contains("/_search", StringComparison.Ordinal));
        Assert.Equal("/platform-entities-tenant-acme/_search?routing=acme", search.Path);
        Assert.Empty(SpecSchema.Instance.Validate(JsonNode.Parse(search.Body!),
            SpecSchema.Instance.RequestBody("_core.yaml", "search", "application/json")));
        var alias = handler.Requests.Single(r => r.Path == "/_aliases");
        Assert.Empty(SpecSchema.Instance.Validate(JsonNode.Parse(alias.Body!),
            SpecSchema.Instance.RequestBody("indices.yaml", "indices.update_aliases", "application/json")));
    }

    [Fact]
    public async Task Search_maps_a_response_recorded_in_the_spec()
    {
        var (index, handler) = Create();
        var recorded = Stories.Responses("tests/default/_core/msearch.yaml", "/_msearch").First()["response"]!["payload"]!["responses"]![1]!;
        handler.ByPathSuffix["/_search"] = recorded.ToJsonString();

        var matches = await index.SearchAsync(OpenSearchFixtures.Query("x"), TestContext.Current.CancellationToken);

        Assert.Equal(2, matches.Total);
        Assert.Equal(["movie1", "movie2"], matches.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Tenant_search_maps_typed_hits_and_the_type_facet()
    {
        var (index, handler) = Create();
        handler.ByPathSuffix["/_search"] = OwnSearchResponse;

        var matches = await index.SearchTenantAsync(new TenantSearchQuery("acme", OpenSearchFixtures.Groups("dune"), 0, 10, FacetByType: true),
            TestContext.Current.CancellationToken);

        Assert.Equal([new TypedScoredId("book", "b7", 2.5), new TypedScoredId("book", "b3", 1.25)], matches.Hits);
        Assert.Equal(42, matches.Total);
        Assert.Equal([("book", 40L), ("author", 2L)], matches.Types);
    }

    [Fact]
    public async Task Instances_sharing_the_setup_put_the_template_and_alias_once()
    {
        var handler = new RecordingHandler { ByPathSuffix = { ["/_search"] = OwnSearchResponse } };
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        var setup = new OpenSearchSetup();
        for (var k = 0; k < 2; k++)
        {
            var index = new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options, setup);
            await index.SearchAsync(OpenSearchFixtures.Query("dune"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(["PUT /_index_template/platform-entities-template", "HEAD /platform-entities", "POST /_aliases",
            "POST /platform-entities-tenant-acme/_search?routing=acme", "POST /platform-entities-tenant-acme/_search?routing=acme"],
            handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }
}
