using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav.Values;
using static Platform.Application.Tests.Eav.EavSamples;

namespace Platform.Application.Tests.Eav;

public sealed class FilterBinderTests
{
    private static BoundFilter Bind(string filter) => EavFilter.Parse(filter, Item).Value!;

    private static (string Column, string Description) Error(string filter)
    {
        var error = EavFilter.Parse(filter, Item).Error!;
        return (error.Metadata["column"], Assert.Single(error.Violations).Description);
    }

    [Fact]
    public void Literals_become_canonical_values_of_the_attribute_type()
    {
        var and = Assert.IsType<BoundAnd>(Bind(
            "attributes.price = \"1.50\" attributes.qty > 7 attributes.at < \"2026-01-01T01:00:00+01:00\" attributes.name = \"Cafe\u0301\" attributes.state = DONE attributes.day >= \"2026-01-31\""));

        Assert.Equal(
            [new DecimalValue(1.5m), new Int64Value(7), new TimestampValue(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
             new TextValue("Caf\u00e9"), new TextValue("DONE"), new DateValue(new DateOnly(2026, 1, 31))],
            and.Operands.Cast<BoundComparison>().Select(c => c.Value));
    }

    [Fact]
    public void Not_equal_is_bound_as_not_equal()
    {
        var not = Assert.IsType<BoundNot>(Bind("attributes.qty != 3"));

        Assert.Equal(CompareOp.Equal, Assert.IsType<BoundComparison>(not.Operand).Op);
    }

    [Fact]
    public void Has_means_substring_item_or_presence_by_attribute_shape()
    {
        Assert.Equal("af", Assert.IsType<BoundSubstring>(Bind("attributes.body:\"af\"")).Text);
        Assert.Equal(new TextValue("red"), Assert.IsType<BoundAnyElement>(Bind("attributes.tags:red")).Value);
        Assert.Equal(new DecimalValue(2m), Assert.IsType<BoundAnyElement>(Bind("attributes.scores:2.00")).Value);
        Assert.IsType<BoundPresence>(Bind("attributes.qty:*"));
    }

    [Fact]
    public void System_fields_compare_as_timestamps()
    {
        var c = Assert.IsType<BoundComparison>(Bind("create_time >= \"2026-01-01T00:00:00Z\""));

        Assert.Equal(FilterField.CreateTime, c.Field);
    }

    [Theory]
    [InlineData("attributes.colour = 1", "1", "unknown attribute 'colour': tenants/acme/entityTypes/item has no attribute of that name")]
    [InlineData("attributes.qty = 1 AND attributes.secret = \"x\"", "24", "attributes.secret is not filterable; mark it filterable")]
    [InlineData("attributes.place:*", "1", "attributes.place is not filterable")]
    [InlineData("name = \"x\"", "1", "unknown field 'name'")]
    [InlineData("attributes.qty = \"many\"", "18", "'many' is not an INT64 such as 42")]
    [InlineData("attributes.qty = 1.5", "18", "'1.5' is not an INT64")]
    [InlineData("attributes.price > 1e40", "20", "'1e40' is not a DECIMAL")]
    [InlineData("attributes.ok = 1", "17", "expected true or false")]
    [InlineData("attributes.day = 2026", "18", "expected a quoted DATE")]
    [InlineData("attributes.at > \"2026-01-01\"", "17", "is not a quoted RFC 3339 timestamp")]
    [InlineData("attributes.state = SOLD_OUT", "20", "'SOLD_OUT' is not a declared value (NEW, DONE)")]
    [InlineData("attributes.state > NEW", "18", "attributes.state (ENUM) supports only = and !=")]
    [InlineData("attributes.ok < true", "15", "attributes.ok (BOOL) supports only = and !=")]
    [InlineData("attributes.owner = \"Bad Id\"", "20", "must be the id of an entity")]
    [InlineData("attributes.tags = \"red\"", "17", "attributes.tags is repeated; test for an item with attributes.tags:value")]
    [InlineData("attributes.qty:3", "15", "':' on attributes.qty (INT64) is not supported; use =")]
    [InlineData("attributes.body = \"x\"", "17", "attributes.body is TEXT: use ':' for a substring test")]
    [InlineData("create_time:*", "12", "':' is not supported on create_time")]
    [InlineData("update_time < 5", "15", "expected a quoted RFC 3339 timestamp")]
    public void Errors_name_the_field_at_its_column(string filter, string column, string message)
    {
        var (at, description) = Error(filter);

        Assert.Equal(column, at);
        Assert.Contains(message, description, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogates_from_escapes_are_refused() =>
        Assert.Contains("unpaired surrogate", Error("attributes.name = \"\\ud800\"").Description, StringComparison.Ordinal);
}
