using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Tests.Eav;

/// <summary>A type with one filterable attribute of every type plus a few that are not filterable.</summary>
internal static class EavSamples
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static readonly EntityType Item = EntityType.Create("acme", "item", new EntityTypeSpec("Item", "",
    [
        Def("name", AttributeType.String, sortable: true),
        Def("body", AttributeType.Text),
        Def("qty", AttributeType.Int64, sortable: true),
        Def("price", AttributeType.Decimal, sortable: true),
        Def("ok", AttributeType.Bool, sortable: true),
        Def("day", AttributeType.Date, sortable: true),
        Def("at", AttributeType.Timestamp, sortable: true),
        Def("state", AttributeType.Enum, sortable: true) with { Constraints = new() { EnumValues = ["NEW", "DONE"] } },
        Def("owner", AttributeType.Reference) with { Constraints = new() { ReferenceTypeId = "person" } },
        Def("tags", AttributeType.String) with { Repeated = true },
        Def("scores", AttributeType.Decimal) with { Repeated = true },
        new AttributeDefinition { Key = "secret", Type = AttributeType.String },
        new AttributeDefinition { Key = "place", Type = AttributeType.GeoPoint },
    ], []), Now).Value;

    public static FilterSubject Entity(string id, Dictionary<string, AttributeValue> attributes, DateTime? created = null) =>
        new(id, created ?? Now, created ?? Now, EntityAttributes.Validate(Item, attributes, applyDefaults: false).Value);

    private static AttributeDefinition Def(string key, AttributeType type, bool sortable = false) =>
        new() { Key = key, Type = type, Filterable = true, Sortable = sortable };
}
