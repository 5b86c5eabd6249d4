using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Every request body the adapter sends, checked against the OpenSearch API specification's schema for its operation.</summary>
public sealed class OpenSearchRequestSchemaTests
{
    private static readonly OpenSearchOptions Options = new() { Url = new Uri("http://search.test:9200/") };

    private static void AssertValid(JsonNode body, (JsonNode, string) schema)
    {
        var errors = SpecSchema.Instance.Validate(body, schema);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\nbody: " + body.ToJsonString());
    }

    [Fact]
    public void The_index_template_is_a_valid_put_index_template_body()
    {
        var template = OpenSearchRequests.IndexTemplate(Options);

        AssertValid(template, SpecSchema.Instance.RequestBody("indices.yaml", "indices.put_index_template", "application/json"));
        Assert.Equal("whitespace", template["template"]!["mappings"]!["properties"]!["terms"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", template["template"]!["mappings"]!["properties"]!["tenant_id"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_tenant_alias_is_a_valid_update_aliases_body_filtered_and_routed_by_tenant()
    {
        var body = OpenSearchRequests.TenantAlias(Options, OpenSearchFixtures.Tenant);

        AssertValid(body, SpecSchema.Instance.RequestBody("indices.yaml", "indices.update_aliases", "application/json"));
        var add = body["actions"]![0]!["add"]!;
        Assert.Equal("platform-entities-tenant-acme", add["alias"]!.GetValue<string>());
        Assert.Equal("acme", add["routing"]!.GetValue<string>());
        Assert.Equal("acme", add["filter"]!["term"]!["tenant_id"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_bulk_body_is_valid_ndjson_for_the_bulk_operation()
    {
        var lines = OpenSearchRequests.BulkLines(Options, "acme", "book",
            [new SearchDocument("b1", "dune herbert"), new SearchDocument("b2", "emma austen")], ["b0", "b2"]);
        var ndjson = OpenSearchRequests.Ndjson(lines);

        AssertValid(OpenSearchFixtures.Lines(ndjson), SpecSchema.Instance.RequestBody("_core.yaml", "bulk", "application/x-ndjson"));
        Assert.EndsWith("\n", ndjson, StringComparison.Ordinal);
        // b2 is re-indexed, so only b0 is deleted; every action is routed by tenant.
        Assert.Equal(5, lines.Count);
        Assert.Equal("acme/book/b0", lines[0]["delete"]!["_id"]!.GetValue<string>());
        Assert.All(lines.Where(l => l.ContainsKey("delete") || l.ContainsKey("index")),
            l => Assert.Equal("acme", (l["delete"] ?? l["index"])!["routing"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dune")]
    [InlineData("dune herbert")]
    public void The_search_body_is_valid_for_the_search_operation(string query)
    {
        var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query(terms));

        AssertValid(body, SpecSchema.Instance.RequestBody("_core.yaml", "search", "application/json"));
        Assert.Equal(20, body["from"]!.GetValue<int>());
        Assert.Equal(10, body["size"]!.GetValue<int>());
        Assert.Equal(terms.Length > 0, body["query"]!["bool"]!.AsObject().ContainsKey("must"));
    }

    [Fact]
    public void The_search_body_matches_every_term_group_with_any_of_its_synonyms_in_the_tenants_type()
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query("dune") with { Terms = [["dune"], ["herbert", "frank"]] });

        var must = body["query"]!["bool"]!["must"]!.AsArray();
        Assert.Equal(2, must.Count);
        Assert.Equal("dune", must[0]!["match"]!["terms"]!["query"]!.GetValue<string>());
        Assert.Equal("herbert frank", must[1]!["match"]!["terms"]!["query"]!.GetValue<string>());
        Assert.All(must, m => Assert.Equal("or", m!["match"]!["terms"]!["operator"]!.GetValue<string>()));
        var filter = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal("acme", filter[0]!["term"]!["tenant_id"]!["value"]!.GetValue<string>());
        Assert.Equal("book", filter[1]!["term"]!["type_id"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_tenant_search_body_with_a_type_facet_is_valid_for_the_search_operation()
    {
        var body = OpenSearchRequests.TenantSearch(new TenantSearchQuery("acme", OpenSearchFixtures.Groups("dune"), 0, 10, FacetByType: true), 100);

        AssertValid(body, SpecSchema.Instance.RequestBody("_core.yaml", "search", "application/json"));
        Assert.Equal("type_id", body["aggregations"]!["types"]!["terms"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public void The_schema_check_rejects_bodies_the_spec_does_not_allow()
    {
        var search = SpecSchema.Instance.RequestBody("_core.yaml", "search", "application/json");
        var bulk = SpecSchema.Instance.RequestBody("_core.yaml", "bulk", "application/x-ndjson");

        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"size":"ten"}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"track_total_hits":"yes please"}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"query":{"bool":{"must":"x"}}}"""), search));
        // The pieces this adapter adds: aggregations, filter clauses, sorts.
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"aggregations":{"p":{"range":{"field":"f","ranges":"x"}}}}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"aggregations":{"t":{"terms":{"field":"f","size":"ten"}}}}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"query":{"bool":{"filter":[{"exists":{"field":7}}]}}}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"query":{"bool":{"minimum_should_match":[]}}}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"query":{"geo_distance":{"f":{"lat":1,"lon":2}}}}"""), search));
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""{"actions":[{"add":{"index":"i","alias":"a","routing":{"x":1}}}]}"""),
            SpecSchema.Instance.RequestBody("indices.yaml", "indices.update_aliases", "application/json")));
        // Any object is a valid bulk line (a document source), but a line must be an object.
        Assert.NotEmpty(SpecSchema.Instance.Validate(JsonNode.Parse("""["delete b1"]"""), bulk));
    }

    [Fact]
    public void Recorded_search_requests_of_the_spec_pass_the_schema_check()
    {
        var search = SpecSchema.Instance.RequestBody("_core.yaml", "search", "application/json");
        var story = SpecSchema.Instance.Load("tests/default/_core/search/aggregations/terms_order.yaml")!;
        var payloads = story["chapters"]!.AsArray().Select(c => c!["request"]?["payload"]).OfType<JsonObject>().ToList();

        Assert.NotEmpty(payloads);
        Assert.All(payloads, p => Assert.Empty(SpecSchema.Instance.Validate(p, search)));
    }
}
