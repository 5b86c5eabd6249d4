using Platform.Application.Eav.Filtering;
using Platform.Eav.Tests.Data;
using Platform.Infrastructure.Eav.Filtering;

namespace Platform.Eav.Tests.Contract;

public sealed class PostgresIndexTests(PostgresFixture fixture) : EavIndexTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>
{
    protected override string PreferIndexesSql => "ANALYZE entities; SET enable_seqscan = off";

    protected override string RestoreSql => "RESET enable_seqscan";

    protected override string SortStep => "Sort";

    [Fact]
    public async Task Has_on_a_repeated_attribute_is_served_by_the_gin_containment_index()
    {
        // The predicate alone: on a table this small the planner rightly prefers the type's own
        // partial indexes when the scope is present, which says nothing about containment.
        var where = new EavSqlTranslator(Fixture.Store.Dialect).Where(EavFilter.Parse("attributes.tags:\"a\"", ItemType.Type).Value);

        var plan = await Fixture.Store.ExplainAsync(where with { Text = $"SELECT id FROM entities WHERE {where.Text}" });

        Assert.True(plan.Contains("containment", StringComparison.Ordinal), plan);
    }
}
