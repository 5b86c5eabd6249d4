using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Search.V1;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Search;

public sealed class SqliteSearchTests(SqliteHostFixture fx) : SearchContractTests<SqliteHostFixture>(fx);

public sealed class PostgresSearchTests(PostgresHostFixture fx) : SearchContractTests<PostgresHostFixture>(fx);

/// <summary>SearchEntities on both providers: English and Chinese analysis, ranking, filters, facets, highlights, paging.</summary>
public abstract partial class SearchContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly string[] LangFacet = ["lang"];

    private static EntityType Article() => new()
    {
        Attributes =
        {
            new AttributeDefinition { Key = "title", Type = AttributeType.String, Searchable = true, Filterable = true },
            new AttributeDefinition { Key = "body", Type = AttributeType.Text, Searchable = true },
            new AttributeDefinition
            {
                Key = "lang", Type = AttributeType.Enum, Filterable = true,
                Constraints = new AttributeConstraints { EnumValues = { "EN", "ZH" } },
            },
            new AttributeDefinition { Key = "stars", Type = AttributeType.Int64, Filterable = true },
        },
    };

    private static readonly (string Id, string Title, string Body, string Lang, int Stars)[] Articles =
    [
        ("a1", "Running shoes for trail runners", "Our lightest shoe yet, built for running on rough ground.", "EN", 5),
        ("a2", "A quiet café by the river", "The coffee is strong and the cakes are fresh every morning.", "EN", 4),
        ("a3", "Shoe care after a run", "Clean your boots after every hike.", "EN", 3),
        ("a4", "中华人民共和国成立", "人民代表大会在北京召开，人民群众热烈欢迎。", "ZH", 5),
        ("a5", "手机壳评测", "这款 iPhone 手机壳轻薄耐用，适合日常使用。", "ZH", 4),
        ("a6", "人民公园", "周末的公园有很多游客。", "ZH", 2),
    ];

    private async Task<(SearchService.SearchServiceClient Search, EntityService.EntityServiceClient Entities, string Parent)> SeededAsync()
    {
        var scenario = await Quota.QuotaScenario.CreateAsync(fx, Quota.QuotaScenario.Unlimited("entity_types"));
        var type = await new EntityTypeService.EntityTypeServiceClient(scenario.Caller).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = scenario.Tenant.Name, EntityTypeId = "article", EntityType = Article(),
        });
        var entities = new EntityService.EntityServiceClient(scenario.Caller);
        var batch = new BatchCreateEntitiesRequest { Parent = type.Name };
        foreach (var a in Articles)
        {
            batch.Requests.Add(new CreateEntityRequest
            {
                EntityId = a.Id,
                Entity = new Entity { Attributes = Attrs(("title", S(a.Title)), ("body", S(a.Body)), ("lang", S(a.Lang)), ("stars", S(a.Stars.ToString(System.Globalization.CultureInfo.InvariantCulture)))) },
            });
        }

        await entities.BatchCreateEntitiesAsync(batch);
        var search = new SearchService.SearchServiceClient(scenario.Caller);
        await EventuallyAsync(async () => (await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = type.Name, Query = "公园" })).Hits.Count == 1);
        return (search, entities, type.Name);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The index did not catch up within 20 s.");
            await Task.Delay(100);
        }
    }

    private static List<string> Ids(SearchEntitiesResponse r) => r.Hits.Select(h => h.Name[(h.Name.LastIndexOf('/') + 1)..]).ToList();

    [Fact]
    public async Task English_words_are_stemmed_and_folded_and_ranked()
    {
        var (search, _, parent) = await SeededAsync();
        var shoes = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "running shoe" });
        Assert.Equal(["a1", "a3"], Ids(shoes).Order());
        Assert.Equal("a1", Ids(shoes)[0]); // each term twice beats each term once
        Assert.Equal(2, shoes.TotalSize);
        var highlight = shoes.Hits[0].Highlights.Single(h => h.Attribute == "title");
        Assert.Contains("<em>Running</em>", highlight.Snippet);

        // Exact matching here: with typos allowed, "cafe" would also find "care".
        var cafe = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "CAFE", Fuzziness = Fuzziness.Off });
        Assert.Equal(["a2"], Ids(cafe));
        Assert.Equal(["a2", "a3"], Ids(await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "CAFE" })).Order());
    }

    [Fact]
    public async Task One_typo_is_forgiven_in_longer_words_unless_fuzziness_is_off()
    {
        var (search, _, parent) = await SeededAsync();
        var typo = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "rivr" });
        Assert.Equal(["a2"], Ids(typo));
        Assert.Contains("<em>river</em>", typo.Hits[0].Highlights.Single(h => h.Attribute == "title").Snippet);
        Assert.Equal(["a2"], Ids(await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "cofee strnog" })));

        Assert.Empty((await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "rivr", Fuzziness = Fuzziness.Off })).Hits);
        Assert.Empty((await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "rnu" })).Hits); // too short for a typo
    }

    [Fact]
    public async Task Completions_follow_word_starts_forgive_a_late_typo_and_complete_chinese()
    {
        var (search, _, parent) = await SeededAsync();
        async Task<List<string>> SuggestAsync(string prefix) =>
            [.. (await search.SuggestCompletionsAsync(new SuggestCompletionsRequest { Parent = parent, Prefix = prefix })).Suggestions.Select(s => s.Text)];

        Assert.Equal(["Running shoes for trail runners", "Shoe care after a run"], await SuggestAsync("runn")); // exact before "run" + typo
        Assert.Equal(["Running shoes for trail runners"], await SuggestAsync("shoes f"));
        Assert.Equal(["Running shoes for trail runners"], await SuggestAsync("traul")); // one typo after three characters
        Assert.Empty(await SuggestAsync("tral x"));
        Assert.Equal(["A quiet café by the river"], await SuggestAsync("cafe"));
        Assert.Equal(["中华人民共和国成立", "人民公园"], (await SuggestAsync("人民")).Order(StringComparer.Ordinal));
        Assert.Equal(["手机壳评测"], await SuggestAsync("手"));
        var lang = await search.SuggestCompletionsAsync(new SuggestCompletionsRequest { Parent = parent, Prefix = "z" });
        Assert.Empty(lang.Suggestions);
        await Errors.AssertFailsAsync(() => search.SuggestCompletionsAsync(new SuggestCompletionsRequest { Parent = parent, Prefix = "  " }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Chinese_is_matched_by_bigrams_and_mixed_text_works()
    {
        var (search, _, parent) = await SeededAsync();
        var people = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "人民" });
        Assert.Equal(["a4", "a6"], Ids(people).Order());
        Assert.Equal("a4", Ids(people)[0]); // 人民 three times beats once
        Assert.Contains("<em>人民</em>", people.Hits[0].Highlights.First().Snippet);

        var phone = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "iphone 手机壳" });
        Assert.Equal(["a5"], Ids(phone));
    }

    [Fact]
    public async Task Filters_facets_and_pages_apply_to_the_matches()
    {
        var (search, entities, parent) = await SeededAsync();
        var filtered = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Filter = "attributes.stars >= 4", Facets = { "lang" }, PageSize = 2 });
        Assert.Equal(4, filtered.TotalSize);
        var facet = Assert.Single(filtered.Facets);
        Assert.Equal([("EN", 2L), ("ZH", 2L)], facet.Buckets.Select(b => (b.Value.StringValue, b.Count)).Order());
        var next = await search.SearchEntitiesAsync(new SearchEntitiesRequest
        {
            Parent = parent, Filter = "attributes.stars >= 4", Facets = { "lang" }, PageSize = 2, PageToken = filtered.NextPageToken,
        });
        Assert.Equal(["a1", "a2", "a4", "a5"], Ids(filtered).Concat(Ids(next)));
        Assert.Empty(next.NextPageToken);

        await entities.DeleteEntityAsync(new DeleteEntityRequest { Name = $"{parent}/entities/a6" });
        await EventuallyAsync(async () => (await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "公园" })).TotalSize == 0);
    }

    [Fact]
    public async Task A_tenant_wide_search_ranks_every_type_together_with_a_type_facet()
    {
        var (search, entities, parent) = await SeededAsync();
        var tenant = parent[..parent.IndexOf("/entityTypes/", StringComparison.Ordinal)];
        var types = new EntityTypeService.EntityTypeServiceClient(fx.Operator);
        var note = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = tenant, EntityTypeId = "note",
            EntityType = new EntityType { Attributes = { new AttributeDefinition { Key = "text", Type = AttributeType.Text, Searchable = true } } },
        });
        var ops = new EntityService.EntityServiceClient(fx.Operator);
        await ops.CreateEntityAsync(new CreateEntityRequest { Parent = note.Name, EntityId = "n1", Entity = new Entity { Attributes = Attrs(("text", S("人民 人民 人民 人民"))) } });

        var all = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = tenant, Query = "人民", Facets = { "type" }, Consistency = Consistency.Strong });
        Assert.Equal([$"{note.Name}/entities/n1", $"{parent}/entities/a4", $"{parent}/entities/a6"], all.Hits.Select(h => h.Name));
        Assert.Equal([("article", 2L), ("note", 1L)], all.Facets.Single().Buckets.Select(b => (b.Value.StringValue, b.Count)).Order());

        var (_, _, bad) = await Errors.AssertFailsAsync(() => search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = tenant, Query = "x", Filter = "attributes.stars > 1" }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["filter"], bad.Fields());
        var rest = await fx.Rest.PostAsJsonAsync($"/v1/{tenant}:search", new { query = "人民" });
        Assert.True(rest.IsSuccessStatusCode, await rest.Content.ReadAsStringAsync());
        Assert.Equal(3, (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Strong_consistency_reads_its_own_writes()
    {
        var (search, entities, parent) = await SeededAsync();
        for (var i = 0; i < 3; i++)
        {
            var id = $"fresh{i}";
            await entities.CreateEntityAsync(new CreateEntityRequest { Parent = parent, EntityId = id, Entity = new Entity { Attributes = Attrs(("title", S($"zebra crossing {i}"))) } });
            var found = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "zebra", Consistency = Consistency.Strong, PageSize = 10 });
            Assert.Contains(id, Ids(found)); // no polling: the call itself waited for the index
            Assert.Equal(i + 1, found.TotalSize);
        }
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_rest_serves_search()
    {
        var (search, _, parent) = await SeededAsync();
        var (_, _, bad) = await Errors.AssertFailsAsync(() => search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["query"], bad.Fields());
        (_, _, bad) = await Errors.AssertFailsAsync(() => search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "x", Facets = { "body" } }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["facets[0]"], bad.Fields());

        var rest = await fx.Rest.PostAsJsonAsync($"/v1/{parent}:search", new { query = "人民", facets = LangFacet });
        Assert.True(rest.IsSuccessStatusCode, await rest.Content.ReadAsStringAsync());
        var json = await rest.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, json.GetProperty("hits").GetArrayLength());
    }
}
