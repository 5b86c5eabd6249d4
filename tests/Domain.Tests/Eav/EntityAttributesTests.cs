using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Tests.Eav;

public sealed class EntityAttributesTests
{
    private static readonly EntityType Product = Samples.Product();

    private static Result<AttributeMap> Validate(Dictionary<string, AttributeValue> values, bool create = true) =>
        EntityAttributes.Validate(Product, values, create);

    private static Dictionary<string, AttributeValue> Valid() => new() { ["sku"] = new TextValue("ABC-1") };

    [Fact]
    public void A_valid_entity_gets_defaults_on_create_only()
    {
        Assert.Equal(new BoolValue(true), Validate(Valid()).Value.Get("active"));
        Assert.Null(Validate(Valid(), create: false).Value.Get("active"));
    }

    [Fact]
    public void Every_bad_attribute_is_one_violation_named_by_its_path()
    {
        var error = Validate(new Dictionary<string, AttributeValue>
        {
            ["sku"] = new TextValue("ABC-1234567890"),
            ["stock"] = new Int64Value(-1),
            ["price"] = new TextValue("12"),
            ["status"] = new TextValue("SOLD"),
            ["maker"] = new TextValue("Not An Id"),
            ["colour"] = new TextValue("red"),
            ["tags"] = new TextValue("single"),
            ["released"] = new DateValue(new DateOnly(2026, 1, 1)),
        }).Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        var byField = error.Violations.ToDictionary(v => v.Field, v => v.Description);
        Assert.Equal(7, byField.Count);
        Assert.Equal("must be at most 12 characters", byField["attributes.sku"]);
        Assert.Equal("must be at least 0", byField["attributes.stock"]);
        Assert.Equal("must be a DECIMAL value", byField["attributes.price"]);
        Assert.Equal("'SOLD' is not a declared value (NEW, IN_STOCK, GONE)", byField["attributes.status"]);
        Assert.StartsWith("must be the id of an entity", byField["attributes.maker"], StringComparison.Ordinal);
        Assert.Equal("is not an attribute of tenants/acme/entityTypes/product", byField["attributes.colour"]);
        Assert.Equal("must be a list of STRING values", byField["attributes.tags"]);
    }

    [Fact]
    public void Missing_required_values_are_reported_but_not_twice()
    {
        Assert.Equal("is required", Assert.Single(Validate([]).Error!.Violations, v => v.Field == "attributes.sku").Description);

        var wrong = Validate(new() { ["sku"] = new Int64Value(1) }).Error!;
        Assert.Equal("must be a STRING value", Assert.Single(wrong.Violations).Description);
    }

    [Fact]
    public void Patterns_are_checked_on_the_canonical_value()
    {
        var error = Validate(new() { ["sku"] = new TextValue("abc-1") }).Error!;

        Assert.Equal("must match the pattern ^[A-Z]{3}-[0-9]+$", Assert.Single(error.Violations).Description);
    }

    [Fact]
    public void Repeated_values_name_the_bad_item_and_empty_lists_are_no_value()
    {
        var bad = Validate(new() { ["sku"] = new TextValue("ABC-1"), ["tags"] = new ListValue([new TextValue("ok"), new Int64Value(3)]) }).Error!;
        var empty = Validate(new() { ["sku"] = new TextValue("ABC-1"), ["tags"] = new ListValue([]) }).Value;

        Assert.Equal("item 1 must be a STRING value", Assert.Single(bad.Violations).Description);
        Assert.False(empty.ContainsKey("tags"));
    }

    [Fact]
    public void Values_come_back_canonical()
    {
        var map = Validate(new()
        {
            ["sku"] = new TextValue("ABC-1"),
            ["name"] = new TextValue("Cafe\u0301"),
            ["price"] = new DecimalValue(10.500m),
            ["stock"] = new Int64Value(3),
        }).Value;

        Assert.Equal(new TextValue("Caf\u00e9"), map["name"]);
        Assert.Equal("10.5", AttributeValueText.Format(map["price"]));
    }

    [Fact]
    public void Int64_values_widen_into_decimal_attributes() =>
        Assert.Equal(new DecimalValue(7m), Validate(new() { ["sku"] = new TextValue("ABC-1"), ["price"] = new Int64Value(7) }).Value["price"]);

    [Fact]
    public void Hidden_attributes_are_unknown_to_clients()
    {
        var plan = Product.PlanUpdate(Samples.Spec(Samples.ProductAttributes().Where(a => a.Key != "notes").ToList())).Value;
        var type = Samples.Product();
        type.Apply(plan, Samples.Now);

        var error = EntityAttributes.Validate(type, new Dictionary<string, AttributeValue> { ["sku"] = new TextValue("ABC-1"), ["notes"] = new TextValue("x") }, true).Error!;

        Assert.Equal("attributes.notes", Assert.Single(error.Violations).Field);
    }
}
