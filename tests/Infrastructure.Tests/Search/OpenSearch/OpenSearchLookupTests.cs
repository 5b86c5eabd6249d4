using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Search.Analysis;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Typo candidates and completions: valid request bodies, parsing of recorded and own responses, the adapter end to end.</summary>
public sealed class OpenSearchLookupTests
{
    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    private static (OpenSearchIndex Index, RecordingHandler Handler) Create()
    {
        var handler = new RecordingHandler();
        var options = new OpenSearchOptions { Url = new Uri("http://search.test:9200/") };
        return (new OpenSearchIndex(new HttpClient(handler) { BaseAddress = options.Url }, options), handler);
    }

    private static string Response(params (string Key, long Count)[] buckets) => new JsonObject
    {
        ["took"] = 1,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = buckets.Length, ["relation"] = "eq" }, ["max_score"] = null, ["hits"] = new JsonArray() },
        ["aggregations"] = new JsonObject
        {
            ["lookup"] = new JsonObject
            {
                ["doc_count_error_upper_bound"] = 0,
                ["sum_other_doc_count"] = 0,
                ["buckets"] = new JsonArray([.. buckets.Select(b => (JsonNode)new JsonObject { ["key"] = b.Key, ["doc_count"] = b.Count })]),
            },
        },
    }.ToJsonString();

    [Fact]
    public void The_similar_terms_body_narrows_by_variant_and_aggregates_only_their_pairs()
    {
        var body = OpenSearchLookups.SimilarTerms("acme", "book", DeletionVariants.Of("dnue"));

        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal(0, body["size"]!.GetValue<int>());
        var filter = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal("book", filter[1]!["term"]!["type_id"]!["value"]!.GetValue<string>());
        Assert.Equal(DeletionVariants.Of("dnue"), filter[2]!["terms"]!["typo_variants"]!.AsArray().Select(v => v!.GetValue<string>()));
        var terms = body["aggregations"]!["lookup"]!["terms"]!;
        Assert.Equal("typo_keys", terms["field"]!.GetValue<string>());
        Assert.Equal("(dnue|nue|due|dne|dnu)\u001f.*", terms["include"]!.GetValue<string>());
        Assert.Equal(200, terms["size"]!.GetValue<int>());
    }

    [Fact]
    public void Across_types_the_similar_terms_body_filters_on_the_tenant_only()
    {
        var body = OpenSearchLookups.SimilarTerms("acme", null, ["dune"]);

        OpenSearchFixtures.AssertValidSearch(body);
        Assert.Equal(2, body["query"]!["bool"]!["filter"]!.AsArray().Count);
    }

    [Fact]
    public void Regex_metacharacters_of_a_word_are_escaped_and_letters_are_not()
    {
        Assert.Equal(@"o\'neil", OpenSearchLookups.Escape("o'neil"));
        Assert.Equal(@"a\.b\*c\|d\\e", OpenSearchLookups.Escape(@"a.b*c|d\e"));
        Assert.Equal("東京dw", OpenSearchLookups.Escape("東京dw"));
    }

    [Fact]
    public void The_completions_body_counts_the_keys_values_most_entities_first()
    {
        var body = OpenSearchLookups.Completions("acme", "book", "du", 8);

        OpenSearchFixtures.AssertValidSearch(body);
        var filter = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal("du", filter[2]!["terms"]!["completion_keys"]![0]!.GetValue<string>());
        var terms = body["aggregations"]!["lookup"]!["terms"]!;
        Assert.Equal("completions", terms["field"]!.GetValue<string>());
        Assert.Equal("du\u001f.*", terms["include"]!.GetValue<string>());
        Assert.Equal(8, terms["size"]!.GetValue<int>());
        Assert.Equal("""[{"_count":"desc"},{"_key":"asc"}]""", terms["order"]!.ToJsonString());
    }

    [Fact]
    public void Recorded_terms_buckets_parse_and_keys_without_the_separator_are_skipped()
    {
        // A recorded keyword terms aggregation, renamed to the lookup's name: its keys are no lookup keys.
        var payload = Stories.Responses("tests/default/_core/search/aggregations/terms_aggregate_field_types.yaml", "/_search").First()["response"]!["payload"]!;
        var renamed = new JsonObject { ["aggregations"] = new JsonObject { ["lookup"] = payload["aggregations"]!["by_name"]!.DeepClone() } };

        Assert.Empty(OpenSearchLookups.ParseSimilarTerms(Element(renamed)));
        Assert.Empty(OpenSearchLookups.ParseCompletions(Element(renamed)));
    }

    [Fact]
    public async Task Similar_terms_end_to_end_give_each_word_once()
    {
        var (index, handler) = Create();
        var answer = Response(("due\u001fdune", 3), ("dne\u001fdune", 3), ("dun\u001fdunk", 1));
        OpenSearchFixtures.AssertValidSearchResponse(JsonNode.Parse(answer)!);
        handler.ByPathSuffix["/_search"] = answer;

        var words = await index.SimilarTermsAsync("acme", "book", DeletionVariants.Of("dnue"), TestContext.Current.CancellationToken);

        Assert.Equal(["dune", "dunk"], words);
        var search = handler.Requests.Single(r => r.Path.Contains("/_search", StringComparison.Ordinal));
        Assert.Equal("/platform-entities-tenant-acme/_search?routing=acme", search.Path);
        OpenSearchFixtures.AssertValidSearch(JsonNode.Parse(search.Body!)!);
    }

    [Fact]
    public async Task No_variants_ask_nothing()
    {
        var (index, handler) = Create();

        Assert.Empty(await index.SimilarTermsAsync("acme", "book", [], TestContext.Current.CancellationToken));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Completion_candidates_end_to_end_keep_the_order_and_entity_counts()
    {
        var (index, handler) = Create();
        handler.ByPathSuffix["/_search"] = Response(("du\u001fDune\u001ftitle", 5), ("du\u001fDu Maurier\u001fauthor", 2), ("du\u001fa\u001fb\u001ftitle", 1));

        var candidates = await index.CompletionCandidatesAsync("acme", "book", "du", 10, TestContext.Current.CancellationToken);

        Assert.Equal([new CompletionCandidate("title", "Dune", 5), new CompletionCandidate("author", "Du Maurier", 2),
            new CompletionCandidate("title", "a\u001fb", 1)], candidates);
    }
}
