using Platform.Domain.Eav;

namespace Platform.Eav.Tests.Data;

/// <summary>
/// The entity type of the property tests: one filterable attribute of every type, sortable where
/// the type allows, and a repeated one of every repeatable type.
/// </summary>
public static class ItemType
{
    public const string Tenant = "acme";
    public const string TypeId = "item";

    public static readonly string[] Colors = ["RED", "GREEN", "BLUE"];

    public static readonly EntityType Type = EntityType.Create(Tenant, TypeId, new EntityTypeSpec("Item", "",
    [
        Scalar("s", AttributeType.String),
        new AttributeDefinition { Key = "t", Type = AttributeType.Text, Filterable = true },
        Scalar("n", AttributeType.Int64),
        Scalar("d", AttributeType.Decimal),
        Scalar("b", AttributeType.Bool),
        Scalar("dt", AttributeType.Date),
        Scalar("ts", AttributeType.Timestamp),
        Scalar("e", AttributeType.Enum) with { Constraints = new() { EnumValues = Colors } },
        Scalar("r", AttributeType.Reference) with { Constraints = new() { ReferenceTypeId = "person" } },
        new AttributeDefinition { Key = "g", Type = AttributeType.GeoPoint },
        Repeated("tags", AttributeType.String),
        Repeated("nums", AttributeType.Int64),
        Repeated("decs", AttributeType.Decimal),
        Repeated("flags", AttributeType.Bool),
        Repeated("days", AttributeType.Date),
        Repeated("stamps", AttributeType.Timestamp),
        Repeated("colors", AttributeType.Enum) with { Constraints = new() { EnumValues = Colors } },
        Repeated("refs", AttributeType.Reference) with { Constraints = new() { ReferenceTypeId = "person" } },
    ], []), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Value;

    public static IEnumerable<AttributeDefinition> Sortable => Type.VisibleAttributes.Where(a => a.Sortable);

    private static AttributeDefinition Scalar(string key, AttributeType type) =>
        new() { Key = key, Type = type, Filterable = true, Sortable = true };

    private static AttributeDefinition Repeated(string key, AttributeType type) =>
        new() { Key = key, Type = type, Filterable = true, Repeated = true };
}
