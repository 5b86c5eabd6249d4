using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Evolution;
using Platform.Domain.Eav.Values;
using static Platform.Application.Tests.Eav.EavSamples;

namespace Platform.Application.Tests.Eav;

public sealed class ExistingDataQueryTests
{
    private static IReadOnlyList<AttributeDefinition> Attributes => Item.Attributes;

    private static ExistingDataQuery Query(Func<AttributeDefinition, AttributeDefinition> change, string key)
    {
        var spec = new EntityTypeSpec("Item", "", Attributes.Select(a => a.Key == key ? change(a) : a).ToList(), []);
        var plan = Item.PlanUpdate(spec).Value;
        return ExistingDataQuery.For(plan, Assert.Single(plan.Checks).Check!);
    }

    // What the service does: the filter finds candidates in SQL, Confirm decides each.
    private static bool Violates(ExistingDataQuery query, Dictionary<string, AttributeValue> attributes)
    {
        var entity = Entity("e", attributes);
        return FilterEvaluator.Matches(query.Filter, entity) && query.Confirm(entity);
    }

    [Fact]
    public void Required_finds_entities_without_a_value()
    {
        var query = Query(a => a with { Required = true }, "qty");

        Assert.True(Violates(query, []));
        Assert.False(Violates(query, new() { ["qty"] = new Int64Value(1) }));
    }

    [Fact]
    public void Max_length_finds_long_values_and_long_items()
    {
        var scalar = Query(a => a with { Constraints = new() { MaxLength = 3 } }, "name");
        var items = Query(a => a with { Constraints = new() { MaxLength = 3 } }, "tags");

        Assert.True(Violates(scalar, new() { ["name"] = new TextValue("four") }));
        Assert.False(Violates(scalar, new() { ["name"] = new TextValue("😀😀😀") }));
        Assert.True(Violates(items, new() { ["tags"] = new ListValue([new TextValue("ok"), new TextValue("long")]) }));
    }

    [Fact]
    public void Range_finds_values_and_items_outside_the_new_bounds()
    {
        var scalar = Query(a => a with { Constraints = new() { Min = new Int64Value(0), Max = new Int64Value(10) } }, "qty");
        var items = Query(a => a with { Constraints = new() { Max = new DecimalValue(1m) } }, "scores");

        Assert.True(Violates(scalar, new() { ["qty"] = new Int64Value(-1) }));
        Assert.True(Violates(scalar, new() { ["qty"] = new Int64Value(11) }));
        Assert.False(Violates(scalar, new() { ["qty"] = new Int64Value(10) }));
        Assert.True(Violates(items, new() { ["scores"] = new ListValue([new DecimalValue(0.5m), new DecimalValue(1.0000001m)]) }));
    }

    [Fact]
    public void Removed_enum_values_are_found()
    {
        var query = Query(a => a with { Constraints = a.Constraints with { EnumValues = ["NEW"] } }, "state");

        Assert.True(Violates(query, new() { ["state"] = new TextValue("DONE") }));
        Assert.False(Violates(query, new() { ["state"] = new TextValue("NEW") }));
    }

    [Fact]
    public void Patterns_are_confirmed_in_memory()
    {
        var query = Query(a => a with { Constraints = new() { Pattern = "^[a-z]+$" } }, "name");

        Assert.True(query.NeedsConfirmation);
        Assert.True(Violates(query, new() { ["name"] = new TextValue("Upper") }));
        Assert.False(Violates(query, new() { ["name"] = new TextValue("lower") }));
        Assert.False(Violates(query, []));
    }

    [Fact]
    public void Uniqueness_has_no_row_filter()
    {
        var query = Query(a => a with { Unique = true }, "qty");

        Assert.IsType<DuplicateValuesCheck>(query.Check);
        Assert.Null(query.Filter);
    }
}
