using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Eav.Tests.Data;
using Platform.Infrastructure.Eav.Filtering;

namespace Platform.Eav.Tests.Contract;

/// <summary>
/// The property tests, once per provider: random filters, sorts and keyset pages run as
/// generated SQL on the real database must give exactly what the in-memory evaluator gives over
/// the same entities.
/// </summary>
public abstract class EavContractTests<TFixture>(TFixture fixture)
    where TFixture : EavFixture
{
    private const int Filters = 400;
    private const int Walks = 60;

    protected TFixture Fixture { get; } = fixture;

    protected EavSqlTranslator Sql { get; } = new(fixture.Store.Dialect);

    [Fact]
    public async Task Random_filters_return_exactly_what_the_evaluator_returns()
    {
        var filters = new RandomFilters(EavFixture.Seed);
        var failures = new List<string>();
        var selective = 0;
        for (var i = 0; i < Filters; i++)
        {
            var text = filters.Next();
            var filter = Bind(text);
            var expected = Fixture.Entities.Where(e => FilterEvaluator.Matches(filter, e)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
            var sql = Sql.List(new EavListQuery(ItemType.Tenant, ItemType.TypeId, filter, OrderByParser.Default, null, 10_000));
            var actual = (await Fixture.Store.QueryAsync(sql, ItemType.Type)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{text}\n  SQL: {sql.Text}\n  missing: {string.Join(",", expected.Except(actual).Take(5))} extra: {string.Join(",", actual.Except(expected).Take(5))}");
            }

            selective += expected.Count > 0 && expected.Count < Fixture.Entities.Count ? 1 : 0;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Filters} filters differ:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(selective > Filters / 2, $"only {selective} filters selected some but not all entities");
    }

    [Fact]
    public async Task Keyset_pages_walk_the_evaluator_order()
    {
        var orders = new RandomOrders(EavFixture.Seed);
        var filters = new RandomFilters(EavFixture.Seed + 1);
        var random = new Random(EavFixture.Seed);
        for (var i = 0; i < Walks; i++)
        {
            var orderBy = orders.Next();
            var order = OrderByParser.Parse(orderBy, ItemType.Type).Value;
            var filterText = i % 3 == 0 ? "" : filters.Next();
            var filter = Bind(filterText);
            var expected = Fixture.Entities.Where(e => FilterEvaluator.Matches(filter, e)).Order(new EntityOrdering(order)).Select(e => e.Id).ToList();

            var actual = await WalkAsync(filter, order, pageSize: random.Next(1, 40), limit: expected.Count + 2);

            Assert.True(expected.SequenceEqual(actual), $"order_by '{orderBy}', filter '{filterText}': pages differ from the evaluator order");
        }
    }

    [Fact]
    public async Task Sql_text_carries_no_values()
    {
        var filter = Bind("attributes.s = \"needle'--\" OR attributes.n = 987654321 OR attributes.d = 0.123456789 OR attributes.tags:\"needle2\"");
        var order = OrderByParser.Parse("attributes.s desc", ItemType.Type).Value;
        var cursor = new SortCursor([new Domain.Eav.Values.TextValue("cursorvalue")], "cursor-id");

        var sql = Sql.List(new EavListQuery(ItemType.Tenant, ItemType.TypeId, filter, order, cursor, 10));

        foreach (var value in new[] { "needle", "987654321", "123456789", "cursorvalue", "cursor-id" })
        {
            Assert.DoesNotContain(value, sql.Text, StringComparison.Ordinal);
        }

        Assert.Empty(await Fixture.Store.QueryAsync(sql, ItemType.Type));

        // Tenant and type ids are literals (so partial indexes survive prepared plans): validated ids only.
        Assert.Contains($"'{ItemType.Tenant}'", sql.Text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Sql.List(new EavListQuery("x' OR '1'='1", ItemType.TypeId, null, [], null, 10)));
    }

    private async Task<List<string>> WalkAsync(BoundFilter? filter, IReadOnlyList<SortKey> order, int pageSize, int limit)
    {
        var ids = new List<string>();
        SortCursor? after = null;
        while (ids.Count <= limit)
        {
            var sql = Sql.List(new EavListQuery(ItemType.Tenant, ItemType.TypeId, filter, order, after, pageSize + 1));
            var rows = await Fixture.Store.QueryAsync(sql, ItemType.Type);
            var page = rows.Take(pageSize).ToList();
            ids.AddRange(page.Select(r => r.Id));
            if (rows.Count <= pageSize)
            {
                break;
            }

            // Through the page token's string form, as ListEntities will do.
            after = SortCursor.FromKey(SortCursor.After(page[^1], order).ToKey(), order);
        }

        return ids;
    }

    protected static BoundFilter? Bind(string text)
    {
        var result = EavFilter.Parse(text, ItemType.Type);
        Assert.True(result.IsSuccess, $"'{text}' did not bind: {result.Error?.Message}");
        return result.Value;
    }
}
