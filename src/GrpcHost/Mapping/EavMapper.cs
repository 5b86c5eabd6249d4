using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using BoolValue = Platform.Domain.Eav.Values.BoolValue;
using Int64Value = Platform.Domain.Eav.Values.Int64Value;
using ListValue = Platform.Domain.Eav.Values.ListValue;
using Platform.Application.Eav;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Proto = Platform.Eav.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>
/// Mapping between entity types and their protos. Attribute values travel as
/// google.protobuf.Value; INT64 and DECIMAL go out as strings so no digit is lost to a double.
/// </summary>
internal static class EavMapper
{
    public static Proto.EntityType ToProto(EntityTypeView view)
    {
        var proto = ToProto(view.Type);
        foreach (var attribute in proto.Attributes)
        {
            attribute.IndexState = view.IndexStates.TryGetValue(attribute.Key, out var state) && !attribute.Hidden
                ? (Proto.IndexState)(int)state
                : Proto.IndexState.Unspecified;
        }

        return proto;
    }

    public static Proto.EntityType ToProto(EntityType t) => new()
    {
        Name = t.ResourceName,
        DisplayName = t.DisplayName,
        Description = t.Description,
        Attributes = { t.Attributes.Select(ToProto) },
        QueryHints = { t.QueryHints.Select(h => new Proto.QueryHint { FilterKeys = { h.FilterKeys }, SortKey = h.SortKey ?? "" }) },
        SchemaRevision = t.Revision,
        CreateTime = Timestamps.ToProto(t.CreateTime),
        UpdateTime = Timestamps.ToProto(t.UpdateTime),
        Etag = t.Etag,
    };

    public static Proto.AttributeDefinition ToProto(AttributeDefinition a)
    {
        var c = a.Constraints;
        var constraints = new Proto.AttributeConstraints
        {
            Min = ToProto(c.Min),
            Max = ToProto(c.Max),
            Pattern = c.Pattern ?? "",
            EnumValues = { c.EnumValues },
            ReferenceTypeId = c.ReferenceTypeId ?? "",
        };
        if (c.MaxLength is { } maxLength)
        {
            constraints.MaxLength = maxLength;
        }

        return new Proto.AttributeDefinition
        {
            Key = a.Key,
            Type = (Proto.AttributeType)(int)a.Type,
            Repeated = a.Repeated,
            Required = a.Required,
            Unique = a.Unique,
            Default = ToProto(a.Default),
            Filterable = a.Filterable,
            Sortable = a.Sortable,
            Searchable = a.Searchable,
            Constraints = constraints,
            DisplayName = a.DisplayName,
            Description = a.Description,
            Hidden = a.Hidden,
        };
    }

    public static EntityTypeDraft ToDraft(Proto.EntityType? t) => t is null
        ? new EntityTypeDraft("", "", [], [])
        : new EntityTypeDraft(t.DisplayName, t.Description, ToDrafts(t.Attributes), ToDomain(t.QueryHints));

    // `hidden` is output only: an attribute sent back with it set (a read-modify-write of the
    // whole type) stays hidden, exactly as if it had been left out.
    public static IReadOnlyList<AttributeDraft> ToDrafts(IEnumerable<Proto.AttributeDefinition> attributes) =>
        [.. attributes.Where(a => !a.Hidden).Select(ToDraft)];

    public static IReadOnlyList<QueryHint> ToDomain(IEnumerable<Proto.QueryHint> hints) =>
        [.. hints.Select(h => new QueryHint([.. h.FilterKeys], h.SortKey.Length == 0 ? null : h.SortKey))];

    private static AttributeDraft ToDraft(Proto.AttributeDefinition a)
    {
        var c = a.Constraints ?? new Proto.AttributeConstraints();
        return new AttributeDraft(a.Key, (AttributeType)(int)a.Type)
        {
            Repeated = a.Repeated,
            Required = a.Required,
            Unique = a.Unique,
            DefaultJson = ToJson(a.Default),
            Filterable = a.Filterable,
            Sortable = a.Sortable,
            Searchable = a.Searchable,
            MinJson = ToJson(c.Min),
            MaxJson = ToJson(c.Max),
            MaxLength = c.HasMaxLength ? c.MaxLength : null,
            Pattern = c.Pattern.Length == 0 ? null : c.Pattern,
            EnumValues = [.. c.EnumValues],
            ReferenceTypeId = c.ReferenceTypeId.Length == 0 ? null : c.ReferenceTypeId,
            DisplayName = a.DisplayName,
            Description = a.Description,
        };
    }

    private static string? ToJson(Value? value) =>
        value is null || value.KindCase is Value.KindOneofCase.None or Value.KindOneofCase.NullValue ? null : JsonFormatter.Default.Format(value);

    internal static Value? ToProto(AttributeValue? value) => value switch
    {
        null => null,
        Int64Value i => Value.ForString(i.Value.ToString(CultureInfo.InvariantCulture)),
        BoolValue b => Value.ForBool(b.Value),
        GeoPointValue g => Value.ForStruct(new Struct { Fields = { ["lat"] = Value.ForNumber(g.Latitude), ["lon"] = Value.ForNumber(g.Longitude) } }),
        ListValue l => Value.ForList([.. l.Items.Select(item => ToProto(item)!)]),
        _ => Value.ForString(AttributeValueText.Format(value)),
    };
}
