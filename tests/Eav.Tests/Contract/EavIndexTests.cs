using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav;
using Platform.Eav.Tests.Data;
using Platform.Infrastructure.Eav.Filtering;
using Platform.Infrastructure.Eav.Indexing;

namespace Platform.Eav.Tests.Contract;

/// <summary>
/// The planned indexes build on a table where other tenants use the same keys with other JSON
/// types, and the planner uses them for the translator's SQL — which it only can when the query
/// expression is the index expression.
/// </summary>
public abstract class EavIndexTests<TFixture>(TFixture fixture) : IAsyncLifetime
    where TFixture : EavFixture
{
    private static readonly EntityType Hinted = EntityType.Create(ItemType.Tenant, ItemType.TypeId,
        new EntityTypeSpec("Item", "", ItemType.Type.Attributes, [new QueryHint(["e", "b"], "ts"), new QueryHint(["n"], SystemFields.CreateTime)]),
        DateTime.UtcNow).Value;

    private readonly EavSqlTranslator _sql = new(fixture.Store.Dialect);

    protected TFixture Fixture { get; } = fixture;

    /// <summary>Makes the planner prefer any usable index, so a plan without one means the index cannot match.</summary>
    protected abstract string PreferIndexesSql { get; }

    protected abstract string RestoreSql { get; }

    /// <summary>How the provider's plan names a sort step.</summary>
    protected abstract string SortStep { get; }

    public async ValueTask InitializeAsync()
    {
        foreach (var index in EavIndexPlanner.For(Fixture.Store.Dialect, ItemType.Tenant, Hinted))
        {
            await Fixture.Store.ExecuteAsync(Fixture.Store.Dialect.CreateIndexSql(index));
        }

        await Fixture.Store.ExecuteAsync(PreferIndexesSql);
    }

    public async ValueTask DisposeAsync()
    {
        await Fixture.Store.ExecuteAsync(RestoreSql);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Every_filterable_sortable_or_unique_attribute_and_every_hint_gets_one_index()
    {
        var indexes = EavIndexPlanner.For(Fixture.Store.Dialect, ItemType.Tenant, Hinted);

        Assert.Equal(IndexBudget.Count(Hinted.Attributes, Hinted.QueryHints), indexes.Count);
        Assert.Equal(indexes.Count, indexes.Select(i => i.Name).Distinct().Count());
        Assert.All(indexes, i => Assert.True(i.Name.Length <= 63));
    }

    [Fact]
    public async Task Unique_indexes_let_many_entities_miss_the_value_but_refuse_a_repeat()
    {
        var type = EntityType.Create(ItemType.Tenant, "uniq", new EntityTypeSpec("Unique", "",
            [new AttributeDefinition { Key = "code", Type = AttributeType.Int64, Unique = true, Filterable = true, Sortable = true }], []), DateTime.UtcNow).Value;
        foreach (var index in EavIndexPlanner.For(Fixture.Store.Dialect, ItemType.Tenant, type))
        {
            await Fixture.Store.ExecuteAsync(Fixture.Store.Dialect.CreateIndexSql(index));
        }

        var time = DateTime.UtcNow;
        await Fixture.Store.InsertRawAsync(ItemType.Tenant, "uniq", "u-1", "{}", time, time);
        await Fixture.Store.InsertRawAsync(ItemType.Tenant, "uniq", "u-2", "{}", time, time);
        await Fixture.Store.InsertRawAsync(ItemType.Tenant, "uniq", "u-3", """{"code":5}""", time, time);
        await Fixture.Store.InsertRawAsync(ItemType.Tenant, "uniq", "u-4", """{"code":5}""", time, time, deleted: true);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            Fixture.Store.InsertRawAsync(ItemType.Tenant, "uniq", "u-5", """{"code":5}""", time, time));
    }

    [Theory]
    [InlineData("attributes.d > 1.5", "")]
    [InlineData("attributes.ts >= \"2026-01-01T00:00:00Z\"", "")]
    [InlineData("attributes.s = \"a\"", "")]
    [InlineData("attributes.dt < \"2000-01-01\"", "")]
    [InlineData("attributes.r = \"p-1\"", "")]
    [InlineData("attributes.e = RED AND attributes.b = true", "attributes.ts desc")]
    public async Task The_planner_filters_with_an_expression_index(string filter, string orderBy) =>
        Assert.Contains("eav_", await PlanAsync(filter, orderBy), StringComparison.Ordinal);

    /// <summary>
    /// (flag, expr, id) indexes deliver missing-last ascending order forwards and missing-first
    /// descending order backwards, so a page — first or deep — needs no sort step.
    /// </summary>
    [Theory]
    [InlineData("attributes.n", null)]
    [InlineData("attributes.d desc", null)]
    [InlineData("attributes.ts desc", null)]
    [InlineData("attributes.d", "12.5")]
    [InlineData("attributes.ts desc", "2026-01-01T00:00:00.000001Z")]
    [InlineData("attributes.s", null)]
    public async Task The_planner_pages_through_an_expression_index(string orderBy, string? cursorValue)
    {
        var order = OrderByParser.Parse(orderBy, ItemType.Type).Value;
        var cursor = cursorValue is null ? null : SortCursor.FromKey(["=" + cursorValue, "e-0100-000"], order);

        var plan = await Fixture.Store.ExplainAsync(_sql.List(new EavListQuery(ItemType.Tenant, ItemType.TypeId, null, order, cursor, 5)));

        Assert.True(plan.Contains("eav_", StringComparison.Ordinal) && !plan.Contains(SortStep, StringComparison.Ordinal), plan);
    }

    protected async Task<string> PlanAsync(string filter, string orderBy) =>
        await Fixture.Store.ExplainAsync(_sql.List(new EavListQuery(ItemType.Tenant, ItemType.TypeId,
            EavFilter.Parse(filter, ItemType.Type).Value, OrderByParser.Parse(orderBy, ItemType.Type).Value, null, 5)));
}
