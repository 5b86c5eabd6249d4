using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Eav.Tests.Data;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Filtering;
using Platform.Infrastructure.Eav.Indexing;

namespace Platform.Eav.Tests.Dialects;

public sealed class DialectTests
{
    private static AttributeDefinition A(string key) => ItemType.Type.FindAttribute(key)!;

    [Theory]
    [InlineData("s", "((attrs->>'s') COLLATE \"C\")")]
    [InlineData("n", "(attrs->'n')")]
    [InlineData("d", "(attrs->'d')")]
    [InlineData("b", "(attrs->'b')")]
    [InlineData("dt", "((attrs->>'dt') COLLATE \"C\")")]
    [InlineData("ts", "((attrs->>'ts') COLLATE \"C\")")]
    [InlineData("e", "((attrs->>'e') COLLATE \"C\")")]
    public void Postgres_reads_numbers_as_jsonb_and_the_rest_as_c_collated_text(string key, string expression) =>
        Assert.Equal(expression, PostgresEavDialect.Instance.AttributeExpression(A(key)));

    [Theory]
    [InlineData("s", "json_extract(attrs, '$.s')")]
    [InlineData("n", "json_extract(attrs, '$.n')")]
    [InlineData("d", "json_extract(attrs, '$.\"~d\"')")]
    public void Sqlite_reads_decimals_through_their_sort_key(string key, string expression) =>
        Assert.Equal(expression, SqliteEavDialect.Instance.AttributeExpression(A(key)));

    [Fact]
    public void Missing_values_sort_last_through_a_flag_on_postgres_and_a_blob_on_sqlite()
    {
        Assert.Equal(["((attrs->'n') IS NULL)", "(attrs->'n')"], PostgresEavDialect.Instance.IndexExpressions(A("n")));
        Assert.Equal(["COALESCE(json_extract(attrs, '$.n'), x'')"], SqliteEavDialect.Instance.IndexExpressions(A("n")));
        Assert.Equal(["COALESCE(json_extract(attrs, '$.\"~d\"'), x'')"], SqliteEavDialect.Instance.IndexExpressions(A("d")));
    }

    public static TheoryData<EavDialect> Dialects => [PostgresEavDialect.Instance, SqliteEavDialect.Instance];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Where_order_by_seek_and_create_index_use_byte_identical_expressions(EavDialect dialect)
    {
        var translator = new EavSqlTranslator(dialect);
        var indexes = EavIndexPlanner.For(dialect, ItemType.Tenant, ItemType.Type);
        foreach (var attribute in ItemType.Type.VisibleAttributes.Where(a => a.NeedsIndex))
        {
            var keys = dialect.IndexExpressions(attribute);
            var index = Assert.Single(indexes, i => i.Keys.SequenceEqual([.. dialect.IndexPrefix, .. keys, dialect.IdExpression]));
            var value = ValuePools.Scalar(attribute.Type, new Random(1));
            var filter = EavFilter.Parse($"{attribute.Path}:*", ItemType.Type).Value;
            var order = Application.Eav.Filtering.Ordering.OrderByParser.Parse(attribute.Path, ItemType.Type).Value;
            var page = translator.List(new EavListQuery("acme", "item", filter, order, new([value], "e-1"), 1)).Text;

            Assert.Contains($"({string.Join(", ", index.Keys)})", dialect.CreateIndexSql(index), StringComparison.Ordinal);
            Assert.Contains(dialect.HasValue(attribute), page, StringComparison.Ordinal);
            Assert.Contains($"ORDER BY {string.Join(", ", keys.Select(k => k + " ASC"))}, {dialect.IdExpression} ASC", page, StringComparison.Ordinal);
            Assert.Contains(keys.Count == 1 ? $"{keys[0]} >= @p" : $"({string.Join(", ", keys)}) >= (FALSE, @p", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Index_ddl_is_partial_on_tenant_and_type_and_unique_ones_on_live_rows()
    {
        var unique = new EavIndex("eav_1", "acme", "item", ["(attrs->'n')"], Unique: true);

        Assert.Equal(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS eav_1 ON entities ((attrs->'n')) WHERE tenant_id = 'acme' AND type_id = 'item' AND delete_time IS NULL",
            PostgresEavDialect.Instance.CreateIndexSql(unique));
        Assert.Equal(
            "CREATE INDEX IF NOT EXISTS eav_1 ON entities ((attrs->'n')) WHERE tenant_id = 'acme' AND type_id = 'item'",
            SqliteEavDialect.Instance.CreateIndexSql(unique with { Unique = false }));
        Assert.Throws<ArgumentException>(() => SqliteEavDialect.Instance.CreateIndexSql(unique with { TenantId = "a'; DROP TABLE entities; --" }));
    }

    [Fact]
    public void Sqlite_documents_carry_decimal_shadows_that_reading_skips()
    {
        var map = new AttributeMap(new Dictionary<string, AttributeValue>
        {
            ["d"] = new DecimalValue(-12.5m),
            ["decs"] = new ListValue([new DecimalValue(0m), new DecimalValue(1m)]),
            ["n"] = new Int64Value(3),
        });

        var document = SqliteEavDialect.Instance.EncodeDocument(map);

        Assert.Equal("""{"d":-12.5,"decs":[0,1],"n":3,"~d":"027874~","~decs":["1","2281"]}""", document);
        Assert.Equal(map.ToList(), SqliteEavDialect.Instance.DecodeDocument(ItemType.Type, document).ToList());
        Assert.Equal(AttributeJson.Serialize(map), PostgresEavDialect.Instance.EncodeDocument(map));
    }

    [Fact]
    public void Equal_values_share_a_parameter()
    {
        var sql = new EavSqlTranslator(PostgresEavDialect.Instance).Where(EavFilter.Parse("attributes.n = 1 OR attributes.n > 1 OR attributes.s = \"x\"", ItemType.Type).Value);

        Assert.Equal(
            "((((attrs->'n') IS NULL) IS FALSE AND (attrs->'n') = @p0) OR (((attrs->'n') IS NULL) IS FALSE AND (attrs->'n') > @p0) " +
            "OR ((((attrs->>'s') COLLATE \"C\") IS NULL) IS FALSE AND ((attrs->>'s') COLLATE \"C\") = @p1))",
            sql.Text);
        Assert.Equal(
            "((COALESCE(json_extract(attrs, '$.n'), x'') = @p0) OR (COALESCE(json_extract(attrs, '$.n'), x'') > @p0 AND COALESCE(json_extract(attrs, '$.n'), x'') < x'') " +
            "OR (COALESCE(json_extract(attrs, '$.s'), x'') = @p1))",
            new EavSqlTranslator(SqliteEavDialect.Instance).Where(EavFilter.Parse("attributes.n = 1 OR attributes.n > 1 OR attributes.s = \"x\"", ItemType.Type).Value).Text);
        Assert.Equal(["1", "x"], sql.Arguments.Select(a => a.Value));
    }
}
