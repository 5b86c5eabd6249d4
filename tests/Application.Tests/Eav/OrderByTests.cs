using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav.Values;
using static Platform.Application.Tests.Eav.EavSamples;

namespace Platform.Application.Tests.Eav;

public sealed class OrderByTests
{
    private static IReadOnlyList<SortKey> Parse(string orderBy) => OrderByParser.Parse(orderBy, Item).Value;

    [Fact]
    public void Parses_keys_and_directions()
    {
        var keys = Parse(" attributes.price desc,create_time , attributes.name ASC");

        Assert.Equal(["attributes.price", "create_time", "attributes.name"], keys.Select(k => k.Field.Name));
        Assert.Equal([true, false, false], keys.Select(k => k.Descending));
    }

    [Fact]
    public void Blank_sorts_by_create_time() => Assert.Equal(OrderByParser.Default, Parse(" "));

    [Theory]
    [InlineData("attributes.body", "1", "attributes.body is not sortable")]
    [InlineData("attributes.tags", "1", "attributes.tags is not sortable")]
    [InlineData("create_time, attributes.nope", "14", "unknown attribute 'nope'")]
    [InlineData("price", "1", "unknown field 'price'")]
    [InlineData("attributes.qty sideways", "16", "expected 'asc', 'desc' or ',' after attributes.qty")]
    [InlineData("attributes.qty desc desc", "16", "expected 'asc', 'desc' or ','")]
    [InlineData("attributes.qty,,", "16", "expected a field name")]
    [InlineData("attributes.qty, attributes.qty desc", "17", "attributes.qty is listed twice")]
    [InlineData("attributes.qty, attributes.price, attributes.name, attributes.day, attributes.at", "68", "at most 4 sort keys")]
    public void Errors_carry_the_column(string orderBy, string column, string message)
    {
        var error = OrderByParser.Parse(orderBy, Item).Error!;

        Assert.Equal(column, error.Metadata["column"]);
        Assert.Equal(FilterErrors.OrderByField, error.Violations[0].Field);
        Assert.Contains(message, error.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_sort_last_ascending_and_first_descending_with_an_id_tiebreak()
    {
        FilterSubject[] entities =
        [
            Entity("b", new() { ["qty"] = new Int64Value(2) }),
            Entity("d", []),
            Entity("a", new() { ["qty"] = new Int64Value(2) }),
            Entity("c", new() { ["qty"] = new Int64Value(1) }),
        ];

        Assert.Equal(["c", "a", "b", "d"], entities.Order(new EntityOrdering(Parse("attributes.qty"))).Select(e => e.Id));
        Assert.Equal(["d", "b", "a", "c"], entities.Order(new EntityOrdering(Parse("attributes.qty desc"))).Select(e => e.Id));
    }

    [Fact]
    public void Cursors_round_trip_through_page_token_keys()
    {
        var keys = Parse("attributes.price desc, attributes.at, attributes.ok, attributes.state");
        var last = Entity("e-1", new()
        {
            ["price"] = new DecimalValue(-0.000000000000000000000000001m),
            ["ok"] = new BoolValue(false),
            ["state"] = new TextValue("DONE"),
        });
        var cursor = SortCursor.After(last, keys);

        var key = cursor.ToKey();

        Assert.Equal(["=-0.000000000000000000000000001", "-", "=false", "=DONE", "e-1"], key);
        Assert.Equal(cursor, SortCursor.FromKey(key, keys));
        Assert.Null(SortCursor.FromKey(["=x", "-", "=false", "=DONE", "e-1"], keys));
        Assert.Null(SortCursor.FromKey(["e-1"], keys));
    }

    [Fact]
    public void System_field_cursors_carry_timestamps()
    {
        var cursor = SortCursor.After(Entity("e", [], created: Now), OrderByParser.Default);

        Assert.Equal(new TimestampValue(Now), Assert.Single(cursor.Values));
        Assert.Equal(FilterField.CreateTime, OrderByParser.Default[0].Field);
    }
}
