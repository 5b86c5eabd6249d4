using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using static Platform.Domain.Tests.Eav.Samples;

namespace Platform.Domain.Tests.Eav;

public sealed class EntityTypeRulesTests
{
    private static List<string> Fields(params AttributeDefinition[] attributes) =>
        EntityType.Create("acme", "thing", Spec(attributes), Now).Error?.Violations.Select(v => v.Field).ToList() ?? [];

    private static string Problem(AttributeDefinition attribute) =>
        Assert.Single(EntityType.Create("acme", "thing", Spec([attribute]), Now).Error!.Violations).Description;

    [Fact]
    public void A_valid_type_starts_at_revision_one()
    {
        var type = Product();

        Assert.Equal(1, type.Revision);
        Assert.Equal("1", type.Etag);
        Assert.Equal(12, type.VisibleAttributes.Count());
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("1st")]
    [InlineData("has-dash")]
    [InlineData("")]
    public void Keys_are_identifiers(string key) =>
        Assert.Equal(["entity_type.attributes[0].key"], Fields(Attr(key, AttributeType.String)));

    [Fact]
    public void Keys_are_unique() =>
        Assert.Equal(["entity_type.attributes[1].key"], Fields(Attr("a", AttributeType.String), Attr("a", AttributeType.Int64)));

    [Fact]
    public void Type_capabilities_are_enforced()
    {
        Assert.Equal("GEO_POINT attributes cannot be repeated", Problem(Attr("g", AttributeType.GeoPoint) with { Repeated = true }));
        Assert.Equal("TEXT attributes cannot be repeated", Problem(Attr("t", AttributeType.Text) with { Repeated = true }));
        Assert.Equal("repeated attributes cannot be sortable", Problem(Attr("s", AttributeType.String) with { Repeated = true, Sortable = true }));
        Assert.Equal("TEXT attributes cannot be unique", Problem(Attr("t", AttributeType.Text) with { Unique = true }));
        Assert.Equal("GEO_POINT attributes are queried through search, not filters", Problem(Attr("g", AttributeType.GeoPoint) with { Filterable = true }));
        Assert.Equal("only STRING, TEXT and ENUM attributes can be searchable", Problem(Attr("n", AttributeType.Int64) with { Searchable = true }));
    }

    [Fact]
    public void Constraints_must_fit_the_type()
    {
        Assert.Equal("only INT64, DECIMAL, DATE and TIMESTAMP attributes take min and max",
            Problem(Attr("s", AttributeType.String) with { Constraints = new() { Min = new TextValue("a") } }));
        Assert.Equal("must not be below min",
            Problem(Attr("n", AttributeType.Int64) with { Constraints = new() { Min = new Int64Value(5), Max = new Int64Value(4) } }));
        Assert.Equal("must be between 1 and 256", Problem(Attr("s", AttributeType.String) with { Constraints = new() { MaxLength = 300 } }));
        Assert.Equal("an ENUM needs 1 to 500 values", Problem(Attr("e", AttributeType.Enum)));
        Assert.Equal("only ENUM attributes take enum values", Problem(Attr("s", AttributeType.String) with { Constraints = new() { EnumValues = ["A"] } }));
        Assert.Equal("must name an entity type id of this tenant", Problem(Attr("r", AttributeType.Reference)));
        Assert.Equal("is listed twice", Problem(Attr("e", AttributeType.Enum) with { Constraints = new() { EnumValues = ["A", "A"] } }));
    }

    [Theory]
    [InlineData(@"^(a)\1$")]
    [InlineData("(?=a)a")]
    [InlineData("[unclosed")]
    public void Patterns_that_need_backtracking_or_do_not_parse_are_refused(string pattern) =>
        Assert.StartsWith("is not a supported regular expression",
            Problem(Attr("s", AttributeType.String) with { Constraints = new() { Pattern = pattern } }), StringComparison.Ordinal);

    [Fact]
    public void A_catastrophic_pattern_runs_in_linear_time()
    {
        var type = EntityType.Create("acme", "thing", Spec([Attr("s", AttributeType.Text) with { Constraints = new() { Pattern = "^(a+)+$" } }]), Now).Value;
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = EntityAttributes.Validate(type, new Dictionary<string, AttributeValue> { ["s"] = new TextValue(new string('a', 5000) + "!") }, true);

        Assert.False(result.IsSuccess);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Fact]
    public void Defaults_must_satisfy_the_attribute()
    {
        Assert.Equal("must be at least 1", Problem(Attr("n", AttributeType.Int64) with { Default = new Int64Value(0), Constraints = new() { Min = new Int64Value(1) } }));
        Assert.Equal("REFERENCE attributes cannot have a default",
            Problem(Attr("r", AttributeType.Reference) with { Default = new TextValue("x"), Constraints = new() { ReferenceTypeId = "maker" } }));
    }

    [Fact]
    public void The_index_budget_is_capped()
    {
        var attributes = Enumerable.Range(0, IndexBudget.MaxIndexesPerType + 1).Select(i => Attr($"a{i}", AttributeType.Int64) with { Filterable = true }).ToArray();

        var error = EntityType.Create("acme", "thing", Spec(attributes), Now).Error!;

        Assert.Contains("needs 17 indexes", Assert.Single(error.Violations).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_and_text_attributes_cost_no_index_and_unique_costs_its_own()
    {
        AttributeDefinition[] attributes =
        [
            Attr("tags", AttributeType.String) with { Repeated = true, Filterable = true },
            Attr("notes", AttributeType.Text) with { Filterable = true },
            Attr("n", AttributeType.Int64) with { Filterable = true, Sortable = true, Unique = true },
        ];

        Assert.Equal(2, IndexBudget.Count(attributes, []));
    }

    [Fact]
    public void Query_hints_need_filterable_and_sortable_keys()
    {
        var attributes = ProductAttributes();
        var error = EntityType.Create("acme", "product", Spec(attributes,
        [
            new QueryHint(["status", "stock"], "price"),
            new QueryHint(["notes"], null),
            new QueryHint(["status"], "sku"),
            new QueryHint(["status", "stock"], "price"),
            new QueryHint([], "create_time"),
        ]), Now).Error!;

        Assert.Equal(
            ["entity_type.query_hints[1].filter_keys", "entity_type.query_hints[2].sort_key", "entity_type.query_hints[3]", "entity_type.query_hints[4].filter_keys"],
            error.Violations.Select(v => v.Field));
    }
}
