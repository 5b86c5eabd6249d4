using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Tests.Eav;

/// <summary>A small product type touching every rule the tests exercise.</summary>
internal static class Samples
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static AttributeDefinition Attr(string key, AttributeType type) => new() { Key = key, Type = type };

    public static IReadOnlyList<AttributeDefinition> ProductAttributes() =>
    [
        Attr("sku", AttributeType.String) with { Required = true, Unique = true, Constraints = new() { MaxLength = 12, Pattern = "^[A-Z]{3}-[0-9]+$" } },
        Attr("name", AttributeType.String) with { Filterable = true, Sortable = true },
        Attr("notes", AttributeType.Text),
        Attr("stock", AttributeType.Int64) with { Filterable = true, Constraints = new() { Min = new Int64Value(0), Max = new Int64Value(1000) } },
        Attr("price", AttributeType.Decimal) with { Filterable = true, Sortable = true, Constraints = new() { Min = new DecimalValue(0m) } },
        Attr("active", AttributeType.Bool) with { Default = new BoolValue(true) },
        Attr("released", AttributeType.Date),
        Attr("seen", AttributeType.Timestamp),
        Attr("status", AttributeType.Enum) with { Filterable = true, Constraints = new() { EnumValues = ["NEW", "IN_STOCK", "GONE"] } },
        Attr("maker", AttributeType.Reference) with { Constraints = new() { ReferenceTypeId = "maker" } },
        Attr("place", AttributeType.GeoPoint),
        Attr("tags", AttributeType.String) with { Repeated = true, Filterable = true },
    ];

    public static EntityTypeSpec Spec(IReadOnlyList<AttributeDefinition>? attributes = null, IReadOnlyList<QueryHint>? hints = null) =>
        new("Product", "", attributes ?? ProductAttributes(), hints ?? []);

    public static EntityType Product(IReadOnlyList<AttributeDefinition>? attributes = null) =>
        EntityType.Create("acme", "product", Spec(attributes), Now).Value;

    public static IReadOnlyList<AttributeDefinition> Replace(IReadOnlyList<AttributeDefinition> attributes, string key, Func<AttributeDefinition, AttributeDefinition> change) =>
        attributes.Select(a => a.Key == key ? change(a) : a).ToList();
}
