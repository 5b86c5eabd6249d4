using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Search.V1;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Search;

public sealed class SqliteSynonymTests(SqliteHostFixture fx) : SynonymTests<SqliteHostFixture>(fx);

public sealed class PostgresSynonymTests(PostgresHostFixture fx) : SynonymTests<PostgresHostFixture>(fx);

/// <summary>Synonym sets: CRUD with etags and validation, applied to searches at query time.</summary>
public abstract class SynonymTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Synonym_sets_expand_queries_both_ways_or_one_way_and_are_managed_with_etags()
    {
        var scenario = await Quota.QuotaScenario.CreateAsync(fx, Quota.QuotaScenario.Unlimited("entity_types"));
        var type = await new EntityTypeService.EntityTypeServiceClient(scenario.Caller).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = scenario.Tenant.Name, EntityTypeId = "product",
            EntityType = new EntityType { Attributes = { new AttributeDefinition { Key = "title", Type = AttributeType.String, Searchable = true } } },
        });
        var entities = new EntityService.EntityServiceClient(scenario.Caller);
        foreach (var (id, title) in new[] { ("p1", "Flat TV 55 inch"), ("p2", "Television stand"), ("p3", "Gaming laptop"), ("p4", "Paper notebook") })
        {
            await entities.CreateEntityAsync(new CreateEntityRequest { Parent = type.Name, EntityId = id, Entity = new Entity { Attributes = Attrs(("title", S(title))) } });
        }

        var search = new SearchService.SearchServiceClient(scenario.Caller);
        async Task<List<string>> FindAsync(string q) =>
            [.. (await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = type.Name, Query = q, Consistency = Consistency.Strong }))
                .Hits.Select(h => h.Name[(h.Name.LastIndexOf('/') + 1)..]).Order()];

        Assert.Equal(["p1"], await FindAsync("tv"));
        var created = await search.CreateSynonymSetAsync(new CreateSynonymSetRequest
        {
            Parent = scenario.Tenant.Name, SynonymSetId = "catalog",
            SynonymSet = new SynonymSet
            {
                EquivalentGroups = { new SynonymGroup { Terms = { "TV", "television" } } },
                OneWayRules = { new OneWaySynonym { Input = "notebook", Synonyms = { "laptop" } } },
            },
        });
        Assert.Equal(["p1", "p2"], await FindAsync("tv"));
        Assert.Equal(["p1", "p2"], await FindAsync("televisions"));
        Assert.Equal(["p3", "p4"], await FindAsync("notebook"));
        Assert.Equal(["p3"], await FindAsync("laptop")); // one way only

        var (_, _, bad) = await Errors.AssertFailsAsync(() => search.UpdateSynonymSetAsync(new UpdateSynonymSetRequest
        {
            SynonymSet = new SynonymSet { Name = created.Name, EquivalentGroups = { new SynonymGroup { Terms = { "tv" } } } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.StartsWith("synonym_set.equivalent_groups[0]", bad.Fields().Single());
        await Errors.AssertFailsAsync(() => search.CreateSynonymSetAsync(new CreateSynonymSetRequest
        {
            Parent = scenario.Tenant.Name, SynonymSetId = "catalog", SynonymSet = new SynonymSet { EquivalentGroups = { new SynonymGroup { Terms = { "a", "b" } } } },
        }).ResponseAsync, StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");

        var updated = await search.UpdateSynonymSetAsync(new UpdateSynonymSetRequest { SynonymSet = new SynonymSet { Name = created.Name, Etag = created.Etag } });
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(["p1"], await FindAsync("tv"));
        await Errors.AssertFailsAsync(() => search.DeleteSynonymSetAsync(new DeleteSynonymSetRequest { Name = created.Name, Etag = created.Etag }).ResponseAsync,
            StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        Assert.Single((await search.ListSynonymSetsAsync(new ListSynonymSetsRequest { Parent = scenario.Tenant.Name })).SynonymSets);
        await search.DeleteSynonymSetAsync(new DeleteSynonymSetRequest { Name = created.Name, Etag = updated.Etag });
        await Errors.AssertFailsAsync(() => search.GetSynonymSetAsync(new GetSynonymSetRequest { Name = created.Name }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }
}
